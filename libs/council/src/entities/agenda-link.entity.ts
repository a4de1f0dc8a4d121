import { LINKABLE_KINDS, type LinkableKind } from '@polity/contracts';
import { sqlList } from '@polity/platform';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A thread, proposal, budget, project or survey an agenda item concerns; its decisions reach them. */
@Entity('council_agenda_link')
@Index('idx_council_agenda_link_resource', ['kind', 'resourceId'])
@Check('chk_council_agenda_link_kind', `kind IN (${sqlList(LINKABLE_KINDS)})`)
export class AgendaLinkEntity {
  @PrimaryColumn('uuid')
  agendaItemId: string;

  @PrimaryColumn('text')
  kind: LinkableKind;

  @PrimaryColumn('uuid')
  resourceId: string;

  @Column('integer')
  position: number;
}
