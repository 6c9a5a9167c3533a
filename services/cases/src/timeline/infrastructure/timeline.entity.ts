import { Column, Entity, PrimaryColumn } from 'typeorm';

// The schema is defined by the migrations; this mapping only tells TypeORM how to read it.
@Entity('case_timeline')
export class TimelineEntryEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'varchar' }) type!: string;
  @Column({ type: 'varchar' }) source!: string;
  @Column({ type: 'varchar' }) summary!: string;
  @Column({ type: 'varchar', nullable: true }) actor!: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  /** `case`, `parties` or `staff` (domain/timeline-audience). */
  @Column({ type: 'varchar' }) audience!: 'case' | 'parties' | 'staff';
  @Column({ name: 'party_ids', type: 'uuid', array: true }) partyIds!: string[];
}
