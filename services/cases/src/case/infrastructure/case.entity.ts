import { Column, Entity, OneToMany, PrimaryColumn, ManyToOne, JoinColumn } from 'typeorm';
// The schema itself is defined by the migrations; these mappings only tell TypeORM how to read and write it.

@Entity('cases')
export class CaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'char', length: 16 })
  reference!: string;

  @Column({ name: 'case_type', type: 'varchar', length: 64 })
  caseType!: string;

  @Column({ type: 'varchar', length: 64 })
  state!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 255 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'int' })
  version!: number;

  @OneToMany(() => PartyEntity, (p) => p.case, { cascade: ['insert'] })
  parties!: PartyEntity[];

  @OneToMany(() => FeeEntity, (f) => f.case)
  fees!: FeeEntity[];
}

@Entity('case_fees')
export class FeeEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'varchar' })
  code!: string;

  @PrimaryColumn({ type: 'varchar' })
  event!: string;

  @Column({ type: 'varchar' })
  status!: string;

  @ManyToOne(() => CaseEntity, (c) => c.fees)
  @JoinColumn({ name: 'case_id' })
  case!: CaseEntity;
}

@Entity('case_parties')
export class PartyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, (c) => c.parties, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case!: CaseEntity;

  /** Keeps parties in the order they were given. */
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 32 })
  role!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  postcode!: string | null;

  @Column({ name: 'user_id', type: 'varchar', length: 255, nullable: true })
  userId!: string | null;

  @Column({ name: 'represented_by', type: 'varchar', length: 64, nullable: true })
  representedBy!: string | null;

  @Column({ name: 'preferred_language', type: 'varchar', length: 2 })
  preferredLanguage!: string;

  @Column({ name: 'reasonable_adjustments', type: 'text', array: true })
  reasonableAdjustments!: string[];

  @Column({ name: 'vulnerability_flags', type: 'text', array: true })
  vulnerabilityFlags!: string[];
}
