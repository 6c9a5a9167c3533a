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

  const graphql = (token: string, query: string, variables: Record<string, unknown>) =>
    http().post('/graphql').set('Authorization', token).send({ query, variables }).expect(200);
  const UPDATE = 'mutation($i: UpdatePartyInput!) { updateParty(input: $i) { id addressLines postcode phone } }';
  const ADDRESS = ['Flat 2', '10 Downing Street', 'London'];

  it("keeps a party's postal address: given when the case is opened or the party added, changed, cleared", async () => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send(
        claim({
          parties: [
            {
              role: 'claimant',
              kind: 'person',
              name: 'Alex Claimant',
              postcode: 'SW1A 2AA',
              addressLines: ['  Flat 2 ', '10 Downing Street', 'London\u00a0'],
              representedBy: 'org-a',
            },
            { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
          ],
        }),
      )
      .expect(201);
    const { id } = created.body;
    const claimant = created.body.parties[0];
    // Trimmed, in order; the postcode stays its own field.
    expect(claimant).toMatchObject({ addressLines: ADDRESS, postcode: 'SW1A2AA' });
    expect(created.body.parties[1]).not.toHaveProperty('addressLines');
    const claimantOnRecord = async () =>
      (await see(id, caseworker).expect(200)).body.parties.find((p: { id: string }) => p.id === claimant.id);
    expect((await claimantOnRecord()).addressLines).toEqual(ADDRESS);

    const added = await http()
      .post(`/api/v1/cases/${id}/parties`)
      .set('Authorization', caseworker)
      .send({ role: 'defendant', kind: 'person', name: 'Dee Fendant', addressLines: ['1 Bute Street', 'Cardiff'] })
      .expect(201);
    expect(added.body.addressLines).toEqual(['1 Bute Street', 'Cardiff']);

    // Changed by whoever acts for the party, as a whole; left out, it stays as it is.
    const moved = await http()
      .patch(`/api/v1/cases/${id}/parties/${claimant.id}`)
      .set('Authorization', orgA)
      .send({ addressLines: ['11 Downing Street', 'London'] })
      .expect(200);
    expect(moved.body.addressLines).toEqual(['11 Downing Street', 'London']);
    await http()
      .patch(`/api/v1/cases/${id}/parties/${claimant.id}`)
      .set('Authorization', orgA)
      .send({ phone: '020 7946 0000' })
      .expect(200);
    expect((await claimantOnRecord()).addressLines).toEqual(['11 Downing Street', 'London']);

    // Over GraphQL too; null clears it, and leaves the postcode alone.
    const viaGraphql = await graphql(orgA, UPDATE, {
      i: { caseId: id, partyId: claimant.id, addressLines: ['12 Downing Street', 'London'] },
    });
    expect(viaGraphql.body.data.updateParty.addressLines).toEqual(['12 Downing Street', 'London']);
    const cleared = await graphql(orgA, UPDATE, { i: { caseId: id, partyId: claimant.id, addressLines: null } });
    expect(cleared.body.data.updateParty).toMatchObject({ addressLines: null, postcode: 'SW1A2AA' });
    expect(await claimantOnRecord()).not.toHaveProperty('addressLines');
    const restored = await http()
      .patch(`/api/v1/cases/${id}/parties/${claimant.id}`)
      .set('Authorization', caseworker)
      .send({ addressLines: ['13 Downing Street', 'London'] })
      .expect(200);
    expect(restored.body.addressLines).toEqual(['13 Downing Street', 'London']);
    const clearedOverRest = await http()
      .patch(`/api/v1/cases/${id}/parties/${claimant.id}`)
      .set('Authorization', caseworker)
      .send({ addressLines: null })
      .expect(200);
    expect(clearedOverRest.body).not.toHaveProperty('addressLines');
    expect(clearedOverRest.body.postcode).toBe('SW1A2AA');
    // Clearing what is not there changes nothing (and tells nobody).
    await http()
      .patch(`/api/v1/cases/${id}/parties/${claimant.id}`)
      .set('Authorization', caseworker)
      .send({ addressLines: null })
      .expect(200);

    // The events name the field, "address"; the lines themselves never leave the service.
    const events = (await app
      .get(DataSource)
      .query(`SELECT envelope FROM outbox WHERE envelope->>'subject' = $1 ORDER BY position`, [id])) as {
      envelope: { type: string; data: { fields?: string[] } };
    }[];
    expect(
      events.filter((e) => e.envelope.type === 'cases.party-updated.v1').map((e) => e.envelope.data.fields),
    ).toEqual([['address'], ['phone'], ['address'], ['address'], ['address'], ['address']]);
    expect(JSON.stringify(events)).not.toMatch(/Downing|Bute/);
    await eventually(async () => {
      const timeline = await http().get(`/api/v1/cases/${id}/timeline`).set('Authorization', caseworker).expect(200);
      expect(timeline.body.map((e: { summary: string }) => e.summary)).toContain('Party details changed: address');
    });
  });

  it('refuses what is not an address, over REST and GraphQL, and changes nothing', async () => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send(
        claim({
          parties: [
            { role: 'claimant', kind: 'person', name: 'Alex Claimant', addressLines: ADDRESS, representedBy: 'org-a' },
          ],
        }),
      )
      .expect(201);
    const { id } = created.body;
    const party = created.body.parties[0];
    const BAD: [string, unknown, RegExp][] = [
      ['six lines', ['1', '2', '3', '4', '5', '6'], /must have 1 to 5 lines/],
      ['no lines', [], /must have 1 to 5 lines/],
      ['an empty line', ['10 Downing Street', ''], /line 2 must be 1 to 80 characters/],
      ['a line of spaces', ['   ', 'London'], /line 1 must be 1 to 80 characters/],
      ['81 characters', ['x'.repeat(81)], /line 1 must be 1 to 80 characters/],
      ['a line break', ['10 Downing\nStreet'], /line 1 must not contain control characters/],
      ['a C1 control', ['10 Downing\u0085Street'], /line 1 must not contain control characters/],
      // C0 controls other than tab and line breaks are refused at the edge, before any field is read.
      ['a control character', ['10 Downing\u0007Street'], /must not contain control characters/],
      ['not a list', '10 Downing Street', /must be a list of 1 to 5 lines/],
      ['not text', [7], /line 1 must be text/],
    ];
    for (const [what, addressLines, message] of BAD) {
      const patched = await http()
        .patch(`/api/v1/cases/${id}/parties/${party.id}`)
        .set('Authorization', caseworker)
        .send({ addressLines, phone: '020 7946 0000' });
      expect([what, patched.status]).toEqual([what, 400]);
      expect(patched.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(patched.body).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
      expect(patched.body.errors).toEqual([
        { field: expect.stringMatching(/^addressLines/), message: expect.stringMatching(message) },
      ]);
      // Nor is the wrong address taken with a new case, or a new party.
      const opened = await http()
        .post('/api/v1/cases')
        .set('Authorization', caseworker)
        .send(claim({ parties: [{ role: 'claimant', kind: 'person', name: 'Bo', addressLines }] }));
      expect([what, opened.status]).toEqual([what, 400]);
      expect(opened.body.errors[0].field).toMatch(/^parties(\.0\.|\[0\]\.)addressLines/);
      const added = await http()
        .post(`/api/v1/cases/${id}/parties`)
        .set('Authorization', caseworker)
        .send({ role: 'defendant', kind: 'person', name: 'Bo', addressLines });
      expect([what, added.status]).toEqual([what, 400]);
    }
    // Over GraphQL: what the rule refuses is BAD_USER_INPUT, and so is what is not a list of text at all
    // (a variable of the wrong type, which Apollo answers with HTTP 400). A lone string is coerced into a list of
    // one by the GraphQL specification, so "not a list" here is a number.
    const viaGraphql = (addressLines: unknown) =>
      http()
        .post('/graphql')
        .set('Authorization', caseworker)
        .send({ query: UPDATE, variables: { i: { caseId: id, partyId: party.id, addressLines } } });
    for (const [addressLines, status] of [
      [['1', '2', '3', '4', '5', '6', '7'], 200],
      [['London', ''], 200],
      [['x'.repeat(81)], 200],
      [['a\tb'], 200],
      [['a\u0007b'], 200],
      [[7], 400],
      [7, 400],
    ] as const) {
      const refused = await viaGraphql(addressLines);
      expect([addressLines, refused.status]).toEqual([addressLines, status]);
      expect(refused.body.data?.updateParty ?? null).toBeNull();
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const after = await see(id, caseworker).expect(200);
    expect(after.body.parties).toEqual(created.body.parties);
    expect(after.body.parties[0].addressLines).toEqual(ADDRESS);
  });

  it('holds the address column to the same rule, whatever writes it', async () => {
    const created = await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201);
    const partyId = created.body.parties[0].id;
    const database = app.get(DataSource);
    const write = (lines: unknown) =>
      database.query(`UPDATE case_parties SET address_lines = $1::text[] WHERE id = $2`, [lines, partyId]);
    for (const lines of [
      [],
      ['1', '2', '3', '4', '5', '6'],
      ['London', ''],
      [' London'],
      ['London\u00a0'],
      ['x'.repeat(81)],
      ['10 Downing\nStreet'],
      ['10 Downing\tStreet'],
      ['10 Downing\u0085Street'],
      ['10 Downing\u2028Street'],
      ['London', null],
    ]) {
      await expect(write(lines)).rejects.toMatchObject({ driverError: { code: '23514' } });
    }
    await expect(
      database.query(`UPDATE case_parties SET address_lines = '{{a},{b}}' WHERE id = $1`, [partyId]),
    ).rejects.toMatchObject({
      driverError: { code: '23514' },
    });
    for (const lines of [null, ['London'], ['x'.repeat(80), 'Tŷ Hywel', '🏠'.repeat(80), 'a b', 'Cymru']]) {
      await write(lines);
    }
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
    // A name is printed on the court's letters to the other side: no line of its own, no link.
    for (const [name, message] of [
      ['Alex\n\n# Pay now', 'name must be one line, without control characters'],
      ['Alex https://evil.example', 'name must not contain a web address'],
    ]) {
      const refused = await http()
        .patch(`/api/v1/cases/${id}/parties/${party.id}`)
        .set('Authorization', caseworker)
        .send({ name })
        .expect(400);
      expect(refused.body.errors).toEqual([{ field: 'name', message }]);
    }
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
