import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bearer } from '@ccsc/testing';
import { startCasesApp } from './cases-app';

interface Prosecution {
  id: string;
  prosecutor: string;
  defendant: string;
}

describe('one person across cases', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let db: DataSource;
  let caseworker: string;
  let enforcementOfficer: string;
  let prosecutor: string;
  let defenceFirm: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    db = app.get(DataSource);
    [caseworker, enforcementOfficer, prosecutor, defenceFirm] = await Promise.all([
      bearer('caseworker'),
      bearer('enforcement-officer'),
      bearer('professional', { org: 'cps' }),
      bearer('professional', { org: 'defence-firm' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const prosecution = async (defendantName = 'Dana Defendant'): Promise<Prosecution> => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send({
        caseType: 'criminal-prosecution',
        parties: [
          { role: 'applicant', kind: 'organisation', name: 'Crown Prosecution Service', representedBy: 'cps' },
          { role: 'defendant', kind: 'person', name: defendantName, representedBy: 'defence-firm' },
        ],
      })
      .expect(201);
    const [prosecutorParty, defendant] = created.body.parties as { id: string }[];
    return { id: created.body.id, prosecutor: prosecutorParty!.id, defendant: defendant!.id };
  };
  const match = (token: string, c: Prosecution, partyId: string, sameAsPartyId: string) =>
    http().put(`/api/v1/cases/${c.id}/parties/${partyId}/identity`).set('Authorization', token).send({ sameAsPartyId });
  const announced = async (partyId: string) =>
    (
      (await db.query(
        `SELECT envelope->'data' AS data FROM outbox WHERE type = 'cases.party-identity-changed.v1'
           AND envelope->'data'->>'partyId' = $1 ORDER BY position`,
        [partyId],
      )) as { data: Record<string, string> }[]
    ).map((r) => r.data);

  it('matches a defendant with the same person on an earlier case, shows staff every case of theirs, and tells enforcement', async () => {
    const earlier = await prosecution();
    const later = await prosecution();
    const matched = await match(caseworker, later, later.defendant, earlier.defendant).expect(200);
    expect(matched.body).toEqual({
      id: expect.any(String),
      parties: [
        expect.objectContaining({
          caseId: earlier.id,
          partyId: earlier.defendant,
          role: 'defendant',
          name: 'Dana Defendant',
        }),
        expect.objectContaining({ caseId: later.id, partyId: later.defendant, state: 'Charged' }),
      ],
    });
    const identityId = matched.body.id as string;
    expect(await announced(earlier.defendant)).toEqual([
      { caseId: earlier.id, partyId: earlier.defendant, identityId },
    ]);
    expect(await announced(later.defendant)).toEqual([{ caseId: later.id, partyId: later.defendant, identityId }]);

    // Any staff member reads "all cases of this person", over REST and GraphQL; the case shows staff the identity.
    const read = await http()
      .get(`/api/v1/cases/identities/${identityId}`)
      .set('Authorization', enforcementOfficer)
      .expect(200);
    expect(read.body).toEqual(matched.body);
    const gql = await http()
      .post('/graphql')
      .set('Authorization', enforcementOfficer)
      .send({
        query: 'query($id: ID!) { partyIdentity(id: $id) { id parties { caseId } } }',
        variables: { id: identityId },
      })
      .expect(200);
    expect(gql.body.data.partyIdentity.parties.map((p: { caseId: string }) => p.caseId)).toEqual([
      earlier.id,
      later.id,
    ]);
    const staffView = await http().get(`/api/v1/cases/${later.id}`).set('Authorization', caseworker).expect(200);
    expect(staffView.body.parties[1].identityId).toBe(identityId);

    // The defendant's own firm and the prosecution never learn of the other cases.
    for (const firm of [defenceFirm, prosecutor]) {
      const view = await http().get(`/api/v1/cases/${later.id}`).set('Authorization', firm).expect(200);
      expect(view.body.parties.every((p: { identityId?: string }) => p.identityId === undefined)).toBe(true);
      await http().get(`/api/v1/cases/identities/${identityId}`).set('Authorization', firm).expect(403);
      await match(firm, later, later.defendant, earlier.defendant).expect(403);
    }

    // Matching again changes nothing and announces nothing.
    await match(caseworker, earlier, earlier.defendant, later.defendant).expect(200);
    expect(await announced(earlier.defendant)).toHaveLength(1);
  });

  it('makes two matched groups one when staff match across them', async () => {
    const [a, b, c, d] = [await prosecution(), await prosecution(), await prosecution(), await prosecution()];
    const first = (await match(caseworker, a, a.defendant, b.defendant).expect(200)).body.id;
    const second = (await match(caseworker, c, c.defendant, d.defendant).expect(200)).body.id;
    expect(first).not.toBe(second);
    const merged = await match(caseworker, a, a.defendant, c.defendant).expect(200);
    expect(merged.body.id).toBe(second);
    expect(merged.body.parties.map((p: { caseId: string }) => p.caseId).sort()).toEqual(
      [a.id, b.id, c.id, d.id].sort(),
    );
    await http().get(`/api/v1/cases/identities/${first}`).set('Authorization', caseworker).expect(404);
  });

  it('makes matches one at a time: every pair of four cases matched at once all succeed, as one person', async () => {
    const cases = [await prosecution(), await prosecution(), await prosecution(), await prosecution()];
    const pairs = cases.flatMap((c) => cases.filter((other) => other !== c).map((other) => [c, other] as const));
    const answers = await Promise.all(pairs.map(([c, other]) => match(caseworker, c, c.defendant, other.defendant)));
    expect(answers.map((res) => res.status)).toEqual(pairs.map(() => 200));
    const identities = new Set(
      (
        (await db.query(`SELECT DISTINCT identity_id FROM case_parties WHERE id = ANY($1::uuid[])`, [
          cases.map((c) => c.defendant),
        ])) as { identity_id: string }[]
      ).map((r) => r.identity_id),
    );
    expect(identities.size).toBe(1);
  });

  it('takes a mistaken match back, once', async () => {
    const [a, b] = [await prosecution(), await prosecution('Dana Other')];
    const identityId = (await match(caseworker, a, a.defendant, b.defendant).expect(200)).body.id;
    await http()
      .delete(`/api/v1/cases/${b.id}/parties/${b.defendant}/identity`)
      .set('Authorization', caseworker)
      .expect(204);
    await http()
      .delete(`/api/v1/cases/${b.id}/parties/${b.defendant}/identity`)
      .set('Authorization', caseworker)
      .expect(204);
    expect(await announced(b.defendant)).toEqual([
      { caseId: b.id, partyId: b.defendant, identityId },
      { caseId: b.id, partyId: b.defendant },
    ]);
    const left = await http()
      .get(`/api/v1/cases/identities/${identityId}`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(left.body.parties.map((p: { partyId: string }) => p.partyId)).toEqual([a.defendant]);
  });

  it('refuses what cannot be one person, and changes nothing', async () => {
    const [a, b] = [await prosecution(), await prosecution()];
    const refusals: [Promise<request.Response>, number][] = [
      [match(caseworker, a, a.defendant, b.prosecutor), 409],
      [match(caseworker, a, a.defendant, a.prosecutor), 409],
      [match(caseworker, a, a.defendant, a.defendant), 400],
      [match(caseworker, a, a.defendant, '00000000-0000-4000-8000-000000000000'), 404],
      [match(caseworker, b, a.defendant, b.defendant), 404],
      [match(caseworker, a, a.defendant, 'not-a-party'), 400],
    ];
    for (const [call, status] of refusals) {
      const response = await call;
      expect({ status: response.status, type: response.type }).toEqual({ status, type: 'application/problem+json' });
    }
    const [{ matched }] = (await db.query(
      `SELECT count(*)::int AS matched FROM case_parties WHERE case_id = ANY($1) AND identity_id IS NOT NULL`,
      [[a.id, b.id]],
    )) as { matched: number }[];
    expect(matched).toBe(0);
  });
});
