import { Column, Entity, PrimaryColumn } from 'typeorm';

// The schema is defined by the migration; this mapping only tells TypeORM how to read and write it.
@Entity('hearings')
export class HearingEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'venue_id', type: 'varchar', length: 32 }) venueId!: string;
  @Column({ name: 'venue_name', type: 'varchar', length: 200 }) venueName!: string;
  @Column({ name: 'hearing_type', type: 'varchar', length: 32 }) hearingType!: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'duration_minutes', type: 'int' }) durationMinutes!: number;
  @Column({ type: 'varchar', length: 16 }) status!: string;
  @Column({ name: 'delay_minutes', type: 'int', nullable: true }) delayMinutes!: number | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) reason!: string | null;
  @Column({ name: 'listed_by', type: 'varchar', length: 255 }) listedBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'updated_by', type: 'varchar', length: 255 }) updatedBy!: string;
}
