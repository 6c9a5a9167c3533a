import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { ConflictError, CursorPosition, Page, toPage } from '@ccsc/platform';
import { Case, CaseFee } from '../domain/case';
import type { CaseAccess } from '../domain/case-access';
import type { Party, PartyKind, PartyRole, PreferredLanguage } from '../domain/party';
import { CaseEntity, FeeEntity, PartyEntity } from './case.entity';
import { caseAccessCondition } from './case-access.sql';

export interface CaseFilter {
  state?: string;
  caseType?: string;
}

/**
 * Persistence of the case aggregate. Every method takes the EntityManager of the caller's
 * transaction where it writes, because Nest-injected repositories do not join one by themselves.
 */
@Injectable()
export class CaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, aggregate: Case): Promise<void> {
    const s = aggregate.snapshot;
    const entity = manager.create(CaseEntity, {
      id: s.id,
      reference: s.reference,
      caseType: s.caseType,
      state: s.state,
      createdBy: s.createdBy,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      version: s.version,
      parties: s.parties.map((p, position) => toPartyEntity(s.id, p, position)),
    });
    try {
      await manager.save(entity);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new ConflictError('A case with this reference already exists');
      throw error;
    }
  }

  /** Saves a changed case (state, parties, fees), refusing it when someone else changed it since it was read. */
  async update(manager: EntityManager, aggregate: Case): Promise<void> {
    const s = aggregate.snapshot;
    const result = await manager.update(CaseEntity, { id: s.id, version: s.version }, { state: s.state, updatedAt: s.updatedAt, version: s.version + 1 });
    if (result.affected !== 1) throw new ConflictError('The case was changed by someone else; reload it and try again');
    await manager.upsert(PartyEntity, s.parties.map((p, position) => toPartyEntity(s.id, p, position)), ['id']);
    await this.saveFees(manager, s.id, s.fees);
  }

  async saveFees(manager: EntityManager, caseId: string, fees: readonly CaseFee[]): Promise<void> {
    if (fees.length === 0) return;
    await manager.upsert(FeeEntity, fees.map((f) => ({ caseId, code: f.code, event: f.event, status: f.status })), ['caseId', 'code', 'event']);
  }

  async recordTransition(
    manager: EntityManager,
    entry: { caseId: string; event: string; from: string; to: string; actor: string; actorRoles: readonly string[]; reason?: string; at: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO case_history (id, case_id, event, from_state, to_state, actor, actor_roles, reason, at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8)`,
      [entry.caseId, entry.event, entry.from, entry.to, entry.actor, entry.actorRoles.join(','), entry.reason ?? null, entry.at],
    );
  }

  async history(caseId: string): Promise<{ event: string; from: string; to: string; actor: string; reason: string | null; at: Date }[]> {
    return this.dataSource.query(
      `SELECT event, from_state AS "from", to_state AS "to", actor, reason, at FROM case_history WHERE case_id = $1 ORDER BY at, id`,
      [caseId],
    );
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Case | undefined> {
    const query = this.baseQuery(manager).where('c.id = :id', { id });
    if (lock) query.setLock('pessimistic_write', undefined, ['c']);
    return (await this.withFacts(manager, [await query.getOne()]))[0];
  }

  async findByReference(reference: string): Promise<Case | undefined> {
    const manager = this.dataSource.manager;
    return (await this.withFacts(manager, [await this.baseQuery(manager).where('c.reference = :reference', { reference }).getOne()]))[0];
  }

  /** One query for many ids: federation resolves lists of cases through this. */
  async findByIds(ids: readonly string[]): Promise<Case[]> {
    if (ids.length === 0) return [];
    const manager = this.dataSource.manager;
    return this.withFacts(manager, await manager.find(CaseEntity, { where: { id: In([...ids]) }, relations: { parties: true, fees: true } }));
  }

  /** Adds what readiness needs from the case's documents and referrals, in one query for all the cases. */
  private async withFacts(manager: EntityManager, entities: (CaseEntity | null)[]): Promise<Case[]> {
    const found = entities.filter((e): e is CaseEntity => e !== null);
    if (found.length === 0) return [];
    const rows = (await manager.query(
      `SELECT c.id,
         (SELECT count(*) FROM case_documents d WHERE d.case_id = c.id AND d.status = 'pending-review')::int AS pending,
         EXISTS (SELECT 1 FROM assisted_digital_referrals r WHERE r.case_id = c.id AND r.status IN ('referred', 'accepted')) AS referral
       FROM unnest($1::uuid[]) AS c(id)`,
      [found.map((e) => e.id)],
    )) as { id: string; pending: number; referral: boolean }[];
    const facts = new Map(rows.map((r) => [r.id, r]));
    return found.map((e) => toDomain(e, facts.get(e.id)?.pending ?? 0, facts.get(e.id)?.referral ?? false));
  }

  /** Newest first, keyset-paginated, with the caller's access applied in SQL. */
  async findPage(filter: CaseFilter, access: CaseAccess, limit: number, after?: CursorPosition): Promise<Page<Case>> {
    const ids = this.dataSource.manager.createQueryBuilder(CaseEntity, 'c').select(['c.id', 'c.createdAt']);
    if (filter.state) ids.andWhere('c.state = :state', { state: filter.state });
    if (filter.caseType) ids.andWhere('c.caseType = :caseType', { caseType: filter.caseType });
    applyAccess(ids, access);
    if (after) {
      ids.andWhere(new Brackets((w) => w.where('(c.createdAt, c.id) < (:afterAt, :afterId)', { afterAt: after.createdAt, afterId: after.id })));
    }
    const rows = await ids.orderBy('c.createdAt', 'DESC').addOrderBy('c.id', 'DESC').limit(limit + 1).getMany();
    const byId = new Map((await this.findByIds(rows.map((r) => r.id))).map((c) => [c.id, c]));
    return toPage(rows.flatMap((r) => byId.get(r.id) ?? []), limit);
  }

  private baseQuery(manager: EntityManager) {
    return manager.createQueryBuilder(CaseEntity, 'c').leftJoinAndSelect('c.parties', 'p').leftJoinAndSelect('c.fees', 'f').orderBy('p.position', 'ASC');
  }
}

/** The caller's access as a condition on the query, through TypeORM's named parameters. */
function applyAccess(query: SelectQueryBuilder<CaseEntity>, access: CaseAccess): void {
  const parameters: Record<string, unknown> = {};
  const condition = caseAccessCondition(access, (value) => {
    const name = `access${Object.keys(parameters).length}`;
    parameters[name] = value;
    return `:${name}`;
  });
  if (condition) query.andWhere(condition, parameters);
}

function toPartyEntity(caseId: string, p: Party, position: number): Partial<PartyEntity> {
  return {
    id: p.id,
    caseId,
    position,
    role: p.role,
    kind: p.kind,
    name: p.name,
    email: p.email ?? null,
    phone: p.phone ?? null,
    postcode: p.postcode ?? null,
    userId: p.userId ?? null,
    representedBy: p.representedBy ?? null,
    preferredLanguage: p.preferredLanguage,
    reasonableAdjustments: p.reasonableAdjustments,
    vulnerabilityFlags: p.vulnerabilityFlags,
  };
}

function toDomain(e: CaseEntity, documentsAwaitingAcceptance: number, openAssistedDigitalReferral: boolean): Case {
  return Case.restore({
    documentsAwaitingAcceptance,
    openAssistedDigitalReferral,
    id: e.id,
    reference: e.reference,
    caseType: e.caseType,
    state: e.state,
    createdBy: e.createdBy,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
    fees: (e.fees ?? []).map((f) => ({ code: f.code, event: f.event, status: f.status as CaseFee['status'] })),
    parties: [...e.parties]
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        id: p.id,
        role: p.role as PartyRole,
        kind: p.kind as PartyKind,
        name: p.name,
        ...(p.email ? { email: p.email } : {}),
        ...(p.phone ? { phone: p.phone } : {}),
        ...(p.postcode ? { postcode: p.postcode } : {}),
        ...(p.userId ? { userId: p.userId } : {}),
        ...(p.representedBy ? { representedBy: p.representedBy } : {}),
        preferredLanguage: p.preferredLanguage as PreferredLanguage,
        reasonableAdjustments: p.reasonableAdjustments,
        vulnerabilityFlags: p.vulnerabilityFlags,
      })),
  });
}
