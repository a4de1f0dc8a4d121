import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An area of the municipality that proposals, budgets and residents belong to; managed by admins. */
@Entity('district')
export class DistrictEntity {
  /** Short stable code, e.g. `north`, as also used in the census. */
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
