import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bearer, eventually } from '@ccsc/testing';
import { claim, startCasesApp } from './cases-app';

describe('parties and representation', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let caseworker: string;
  let orgA: string;
  let orgB: string;
  let orgC: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    [caseworker, orgA, orgB, orgC] = await Promise.all([
      bearer('caseworker'),
      bearer('professional', { org: 'org-a' }),
      bearer('professional', { org: 'org-b' }),
      bearer('professional', { org: 'org-c' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const see = (id: string, who: string) => http().get(`/api/v1/cases/${id}`).set('Authorization', who);

  it("moves a firm's access with the representation, at once", async () => {
    const created = await http().post('/api/v1/cases').set('Authorization', orgA).send(claim()).expect(201);
    const { id } = created.body;
    const claimant = created.body.parties[0];
    await see(id, orgA).expect(200);

    await http()
      .put(`/api/v1/cases/${id}/parties/${claimant.id}/representation`)
      .set('Authorization', orgA)
      .send({ organisationId: 'org-c' })
      .expect(403);
    const changed = await http()
      .put(`/api/v1/cases/${id}/parties/${claimant.id}/representation`)
      .set('Authorization', caseworker)
      .send({ organisationId: 'org-c' })
      .expect(200);
    expect(changed.body.representedBy).toBe('org-c');
    await see(id, orgA).expect(404);
    await see(id, orgC).expect(200);

    const updated = await http()
      .patch(`/api/v1/cases/${id}/parties/${claimant.id}`)
      .set('Authorization', orgC)
      .send({
        preferredLanguage: 'cy',
        reasonableAdjustments: ['large print'],
        vulnerabilityFlags: ['domestic abuse'],
        postcode: 'cf10 1ep',
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      preferredLanguage: 'cy',
      reasonableAdjustments: ['large print'],
      vulnerabilityFlags: ['domestic abuse'],
      postcode: 'CF101EP',
    });
    const found = await http().get('/api/v1/cases/search?postcode=CF10%201EP').set('Authorization', orgC).expect(200);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([id]);

    const other = await http()
      .post(`/api/v1/cases/${id}/parties`)
      .set('Authorization', caseworker)
      .send({ role: 'defendant', kind: 'organisation', name: 'Widgets Insurance', representedBy: 'org-b' })
      .expect(201);
    // The other side's firm sees the case but not the claimant's adjustments or vulnerability.
    const seenByB = await see(id, orgB).expect(200);
    const claimantSeenByB = seenByB.body.parties.find((p: { id: string }) => p.id === claimant.id);
    expect(claimantSeenByB.reasonableAdjustments).toBeUndefined();
    expect(claimantSeenByB.vulnerabilityFlags).toBeUndefined();
    await http()
      .patch(`/api/v1/cases/${id}/parties/${claimant.id}`)
      .set('Authorization', orgB)
      .send({ name: 'Someone Else' })
      .expect(403);
    expect(
      (await see(id, orgC).expect(200)).body.parties.find((p: { id: string }) => p.id === other.body.id).name,
    ).toBe('Widgets Insurance');

    await http()
      .put(`/api/v1/cases/${id}/parties/${claimant.id}/representation`)
      .set('Authorization', orgC)
      .send({ organisationId: null })
      .expect(200);
    await see(id, orgC).expect(404);

    await eventually(async () => {
      const timeline = await http().get(`/api/v1/cases/${id}/timeline`).set('Authorization', caseworker).expect(200);
      expect(timeline.body.map((e: { summary: string }) => e.summary)).toEqual([
        'Case opened as civil-money-claim, state Draft',
        'Representation changed from org-a to org-c',
        'Party details changed: postcode, preferredLanguage, reasonableAdjustments, vulnerabilityFlags',
        'Party added as defendant',
        'Representation changed from org-c to none',
      ]);
    });

    // Other services authorise case-linked data from these: one per change of the case's parties,
    // each naming the party a firm acts for, ordered by the case's version.
    const access = (await app
      .get(DataSource)
      .query(
        `SELECT envelope->'data' AS data FROM outbox WHERE envelope->>'type' = 'cases.case-access-changed.v2' AND envelope->>'subject' = $1 ORDER BY position`,
        [id],
      )) as {
      data: {
        sequence: number;
        parties: { partyId: string; role: string; organisationId?: string; paysFees?: boolean }[];
      };
    }[];
    const firms = (a: (typeof access)[number]) => a.data.parties.map((p) => `${p.role}:${p.organisationId ?? '-'}`);
    expect(access.map(firms)).toEqual([
      ['claimant:org-a', 'defendant:-'],
      ['claimant:org-c', 'defendant:-'],
      ['claimant:org-c', 'defendant:-', 'defendant:org-b'],
      ['claimant:-', 'defendant:-', 'defendant:org-b'],
    ]);
    // The claimant's side pays a money claim's fees: payments shows them to that side only.
    expect(access[0]!.data.parties.map((p) => [p.role, p.paysFees ?? false])).toEqual([
      ['claimant', true],
      ['defendant', false],
    ]);
    const sequences = access.map((a) => a.data.sequence);
    expect(sequences).toEqual([...sequences].sort((x, y) => x - y));
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('rejects bad changes with field errors and changes nothing', async () => {
    const created = await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201);
    const { id } = created.body;
    const party = created.body.parties[0];
    const unknown = await http()
      .patch(`/api/v1/cases/${id}/parties/${party.id}`)
      .set('Authorization', caseworker)
      .send({ nickname: 'Al' })
      .expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'nickname', message: 'property nickname should not exist' }]);
    const language = await http()
      .patch(`/api/v1/cases/${id}/parties/${party.id}`)
      .set('Authorization', caseworker)
      .send({ preferredLanguage: 'fr' })
      .expect(400);
    expect(language.body.errors[0].field).toBe('preferredLanguage');
    const postcode = await http()
      .patch(`/api/v1/cases/${id}/parties/${party.id}`)
      .set('Authorization', caseworker)
      .send({ postcode: 'not a postcode' })
      .expect(400);
    expect(postcode.body.errors).toEqual([{ field: 'postcode', message: 'postcode must be a UK postcode' }]);
    // A party always has a name, a language and lists of needs: null is not "left out", it is refused.
    for (const field of ['name', 'preferredLanguage', 'reasonableAdjustments', 'vulnerabilityFlags']) {
      const refused = await http()
        .patch(`/api/v1/cases/${id}/parties/${party.id}`)
        .set('Authorization', caseworker)
        .send({ [field]: null })
        .expect(400);
      expect(refused.body.errors[0].field).toBe(field);
    }
    await http()
      .patch(`/api/v1/cases/${id}/parties/not-a-uuid`)
      .set('Authorization', caseworker)
      .send({ name: 'X' })
      .expect(400);
    await http()
      .patch(`/api/v1/cases/${id}/parties/00000000-0000-4000-8000-000000000000`)
      .set('Authorization', caseworker)
      .send({ name: 'X' })
      .expect(404);
    await http()
      .put(`/api/v1/cases/${id}/parties/${party.id}/representation`)
      .set('Authorization', caseworker)
      .send({ organisationId: 'bad id!' })
      .expect(400);
    const after = await see(id, caseworker).expect(200);
    expect(after.body.parties).toEqual(created.body.parties);
  });
});
