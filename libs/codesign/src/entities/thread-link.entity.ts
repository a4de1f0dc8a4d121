import { LINKABLE_KINDS, type LinkableKind } from '@polity/contracts';
import { sqlList } from '@polity/platform';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A proposal, budget project, survey… that feeds a thread. */
@Entity('codesign_thread_link')
@Check('chk_codesign_thread_link_kind', `kind IN (${sqlList(LINKABLE_KINDS)})`)
export class ThreadLinkEntity {
  @PrimaryColumn('uuid')
  threadId: string;

  @PrimaryColumn('text')
  kind: LinkableKind;

  @PrimaryColumn('uuid')
  resourceId: string;

  @Column('integer')
  position: number;
}
