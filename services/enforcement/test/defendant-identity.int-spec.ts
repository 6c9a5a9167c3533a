import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource, MigrationInterface } from 'typeorm';
import { serviceDataSourceOptions } from '@ccsc/platform';
import { bearer, createTestDatabase, eventually } from '@ccsc/testing';
import { enforcementDatabase } from '../src/data-source';
import { caseResulted, partyIdentityChanged, publish, resulted, startEnforcementApp } from './enforcement-app';

// One person defending two cases has a party id on each; staff in cases match them, and enforcement hears of it.
describe('one defendant across cases', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let officer: string;
  let citizen: string;

  beforeAll(async () => {
    ({ app, close } = await startEnforcementApp());
    [officer, citizen] = await Promise.all([bearer('enforcement-officer', { sub: 'officer-sam' }), bearer('citizen')]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const db = () => app.get(DataSource);
  const count = async (table: string) =>
    ((await db().query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0]!.n;

  /** A defendant's party on a case of its own, and the fine account its result opened. */
  async function defendantOnNewCase(resultedAt: string) {
    const data = resulted({ resultedAt });
    await publish(caseResulted(data));
    const accountId = await eventually(async () => {
      const [row] = (await db().query(`SELECT id FROM fine_accounts WHERE case_id = $1`, [data.caseId])) as {
        id: string;
      }[];
      expect(row).toBeDefined();
      return row!.id;
    });
    return { caseId: data.caseId, partyId: data.defendantPartyId, accountId };
  }

  /** Waits until enforcement has the party matched as `identityId`, or (none) with no one. */
  const projected = (partyId: string, identityId: string | null) =>
    eventually(async () =>
      expect(
        (
          (await db().query(`SELECT identity_id FROM party_identities WHERE party_id = $1`, [partyId])) as {
            identity_id: string;
          }[]
        ).map((r) => r.identity_id),
      ).toEqual(identityId ? [identityId] : []),
    );

  const consolidate = (targetId: string, accountIds: string[]) =>
    http()
      .post(`/api/v1/enforcement/accounts/${targetId}/consolidations`)
      .set('Authorization', officer)
      .send({ accountIds });
  const status = async (id: string) =>
    (await http().get(`/api/v1/enforcement/accounts/${id}`).set('Authorization', officer).expect(200)).body.status;
  const accountsOfDefendantRest = async (partyId: string) =>
    (
      (await http().get(`/api/v1/enforcement/defendants/${partyId}/accounts`).set('Authorization', officer).expect(200))
        .body as { id: string }[]
    ).map((a) => a.id);
  const accountsOfDefendantGql = async (partyId: string) => {
    const res = await http()
      .post('/graphql')
      .set('Authorization', officer)
      .send({
        query: 'query($p: ID!) { fineAccountsOfDefendant(defendantPartyId: $p) { id } }',
        variables: { p: partyId },
      })
      .expect(200);
    return (res.body.data.fineAccountsOfDefendant as { id: string }[]).map((a) => a.id);
  };

  it("refuses to consolidate one person's accounts on two cases until staff match the parties, and again once the match is taken back", async () => {
    const first = await defendantOnNewCase('2026-01-05T10:00:00Z');
    const second = await defendantOnNewCase('2026-02-05T10:00:00Z');
    const identityId = randomUUID();

    const outboxBefore = await count('outbox');
    const before = await consolidate(first.accountId, [second.accountId]).expect(409);
    expect(before.body).toMatchObject({ code: 'CONFLICT', detail: expect.stringMatching(/another defendant/) });
    expect(await count('outbox')).toBe(outboxBefore);
    expect(await status(second.accountId)).toBe('live');

    // Cases announces each party whose identity changed.
    await publish(
      partyIdentityChanged(first.caseId, first.partyId, identityId),
      partyIdentityChanged(second.caseId, second.partyId, identityId),
    );
    await projected(second.partyId, identityId);

    // A mistaken match taken back: the second party is no one but itself again.
    await publish(partyIdentityChanged(second.caseId, second.partyId));
    await projected(second.partyId, null);
    const refused = await consolidate(first.accountId, [second.accountId]).expect(409);
    expect(refused.body.detail).toMatch(/another defendant/);
    expect(await count('outbox')).toBe(outboxBefore);
    expect(await status(second.accountId)).toBe('live');

    // Matched again by officer-sam (the event's actor): the matcher does not also move the debt, and stays among who
    // matched the party when a colleague matches it again; nor does anyone move it on a match recorded before who
    // matched was kept.
    const matchedBy = async () =>
      (
        (await app
          .get(DataSource)
          .query(`SELECT matched_by FROM party_identities WHERE party_id = $1`, [second.partyId])) as {
          matched_by: string[] | null;
        }[]
      )[0]?.matched_by;
    await publish(partyIdentityChanged(second.caseId, second.partyId, identityId, undefined, 'officer-sam'));
    await eventually(async () => expect(await matchedBy()).toEqual(['officer-sam']));
    const ownMatch = await consolidate(first.accountId, [second.accountId]).expect(403);
    expect(ownMatch.body.detail).toMatch(/^You matched these defendants as one person/);
    await publish(partyIdentityChanged(second.caseId, second.partyId, identityId));
    await eventually(async () => expect(await matchedBy()).toEqual(['caseworker-cy', 'officer-sam']));
    await consolidate(first.accountId, [second.accountId]).expect(403);
    await app
      .get(DataSource)
      .query(`UPDATE party_identities SET matched_by = NULL WHERE party_id = $1`, [second.partyId]);
    expect((await consolidate(first.accountId, [second.accountId]).expect(403)).body.detail).toMatch(/before who/);
    expect(await count('outbox')).toBe(outboxBefore);

    // Taken back and matched again by the caseworker alone: officer-sam moves it.
    await publish(partyIdentityChanged(second.caseId, second.partyId));
    await projected(second.partyId, null);
    await publish(partyIdentityChanged(second.caseId, second.partyId, identityId));
    await eventually(async () => expect(await matchedBy()).toEqual(['caseworker-cy']));
    const merged = await consolidate(first.accountId, [second.accountId]).expect(201);
    expect(merged.body).toMatchObject({ id: first.accountId, balancePence: 93_500 * 2 });
    expect(await status(second.accountId)).toBe('consolidated');
  });

  it("lists a matched defendant's accounts on every case, oldest first, by either party, over GraphQL and REST", async () => {
    const later = await defendantOnNewCase('2026-03-20T10:00:00Z');
    const earlier = await defendantOnNewCase('2026-03-10T10:00:00Z');
    const stranger = await defendantOnNewCase('2026-03-15T10:00:00Z');
    expect(await accountsOfDefendantGql(later.partyId)).toEqual([later.accountId]);

    const identityId = randomUUID();
    await publish(
      partyIdentityChanged(later.caseId, later.partyId, identityId),
      partyIdentityChanged(earlier.caseId, earlier.partyId, identityId),
    );
    await projected(earlier.partyId, identityId);
    const both = [earlier.accountId, later.accountId];
    expect(await accountsOfDefendantGql(later.partyId)).toEqual(both);
    expect(await accountsOfDefendantGql(earlier.partyId)).toEqual(both);
    expect(await accountsOfDefendantRest(later.partyId)).toEqual(both);
    expect(await accountsOfDefendantRest(stranger.partyId)).toEqual([stranger.accountId]);
    // A party enforcement has no account of is no one's defendant: nothing, not an error.
    expect(await accountsOfDefendantRest(randomUUID())).toEqual([]);
  });

  it('changes nothing when an event is redelivered, even after a later event for the party', async () => {
    const first = await defendantOnNewCase('2026-04-01T10:00:00Z');
    const second = await defendantOnNewCase('2026-04-02T10:00:00Z');
    const identityId = randomUUID();
    const match = partyIdentityChanged(second.caseId, second.partyId, identityId);
    await publish(partyIdentityChanged(first.caseId, first.partyId, identityId), match, match);
    await projected(second.partyId, identityId);
    const matchId = JSON.parse(match.value).id as string;
    expect(await db().query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [matchId])).toEqual([{ n: 1 }]);

    await publish(partyIdentityChanged(second.caseId, second.partyId));
    await projected(second.partyId, null);
    // The match delivered again after it was taken back: the inbox knows it, and the party stays unmatched.
    const sentinel = randomUUID();
    await publish(match, partyIdentityChanged(first.caseId, sentinel, randomUUID()));
    await eventually(async () =>
      expect(await db().query(`SELECT 1 FROM party_identities WHERE party_id = $1`, [sentinel])).toHaveLength(1),
    );
    await projected(second.partyId, null);
    expect(await accountsOfDefendantRest(first.partyId)).toEqual([first.accountId]);
    await consolidate(first.accountId, [second.accountId]).expect(409);
  });

  it('refuses a malformed party id and anyone but staff, without a 500', async () => {
    const bad = await http()
      .get('/api/v1/enforcement/defendants/not-a-uuid/accounts')
      .set('Authorization', officer)
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'BAD_USER_INPUT' });
    await http()
      .get(`/api/v1/enforcement/defendants/${randomUUID()}/accounts`)
      .set('Authorization', citizen)
      .expect(403);
    const gql = await http()
      .post('/graphql')
      .set('Authorization', officer)
      .send({ query: '{ fineAccountsOfDefendant(defendantPartyId: "x\\u0000") { id } }' })
      .expect(200);
    expect(gql.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('migration: party identities', () => {
  const migrations = enforcementDatabase.migrations as (new () => MigrationInterface)[];
  const at = migrations.findIndex((m) => new m().name === 'PartyIdentities1733000600000');
  // Migrated up to this one, so `undoLastMigration` undoes this one.
  const upToThis = { entities: [], migrations: migrations.slice(0, at + 1) };

  it('makes the projection table with its index, and is undone by down', async () => {
    expect(at).toBeGreaterThan(0);
    const db = await createTestDatabase('enforcement_party_identities_migration', upToThis);
    const source = await new DataSource(serviceDataSourceOptions(db.url, upToThis, 2)).initialize();
    const indexes = async () =>
      (
        (await source.query(
          `SELECT indexname FROM pg_indexes WHERE tablename = 'party_identities' ORDER BY indexname`,
        )) as { indexname: string }[]
      ).map((r) => r.indexname);
    try {
      expect(await indexes()).toEqual(['party_identities_identity', 'party_identities_pkey']);
      await source.undoLastMigration({ transaction: 'each' });
      expect(await indexes()).toEqual([]);
    } finally {
      await source.destroy();
      await db.drop();
    }
  });
});
