import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A facilitator moved the thread to another stage, with a written summary of the one it leaves. */
@Entity('codesign_stage_change')
@Index('idx_codesign_stage_change_thread', ['threadId', 'createdAt', 'id'])
export class StageChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  threadId: string;

  @Column('text')
  fromStage: string;

  @Column('text')
  toStage: string;

  @Column('text')
  summary: string;

  @Column('uuid')
  changedById: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
