import { migrationUnderTest } from '@ccsc/testing';
import { casesDatabase } from '../src/data-source';

// The migration that keeps a defendant's result from a co-defendant, run on entries made before it, and undone.
describe('migration: results on the timeline are for their defendant and the prosecution', () => {
  const { at, connect } = migrationUnderTest(
    'cases_results_audience_migration',
    casesDatabase,
    'ResultsForTheirDefendant1736100000000',
  );

  it("names each result's defendant, leaves an entry no result matches to staff, and is undone by down", async () => {
    expect(at).toBeGreaterThan(0);
    const caseId = '00000000-0000-4000-8000-0000000000a1';
    const [ann, bob] = ['00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000b2'];
    const [annEntry, bobEntry, strayEntry, stateEntry] = [
      '00000000-0000-4000-8000-0000000000e1',
      '00000000-0000-4000-8000-0000000000e2',
      '00000000-0000-4000-8000-0000000000e3',
      '00000000-0000-4000-8000-0000000000e4',
    ];
    const before = await connect(false);
    try {
      await before.query(
        `INSERT INTO cases (id, reference, case_type, state, created_by, created_at, updated_at, version)
         VALUES ($1, '1234567890123456', 'criminal', 'Listed', 'seed', now(), now(), 1)`,
        [caseId],
      );
      for (const [defendant, at] of [
        [ann, '2026-11-02T10:00:00.123Z'],
        [bob, '2026-11-02T10:05:00.456Z'],
      ])
        await before.query(
          `INSERT INTO case_results (id, case_id, defendant_party_id, outcome, impositions, resulted_by, resulted_at)
           VALUES (gen_random_uuid(), $1, $2, 'guilty', '[]', 'clerk', $3)`,
          [caseId, defendant, at],
        );
      for (const [eventId, type, at] of [
        [annEntry, 'cases.case-resulted.v2', '2026-11-02T10:00:00.123Z'],
        [bobEntry, 'cases.case-resulted.v1', '2026-11-02T10:05:00.456Z'],
        [strayEntry, 'cases.case-resulted.v2', '2026-11-03T09:00:00Z'],
        [stateEntry, 'cases.case-state-changed.v1', '2026-11-02T10:00:00.123Z'],
      ])
        await before.query(
          `INSERT INTO case_timeline (event_id, case_id, type, source, summary, occurred_at, audience)
           VALUES ($1, $2, $3, 'cases', 'entry', $4, 'case')`,
          [eventId, caseId, type, at],
        );
    } finally {
      await before.destroy();
    }

    const after = await connect(true);
    const audiences = async () =>
      (await after.query(
        `SELECT event_id AS "eventId", audience, party_ids AS "partyIds" FROM case_timeline ORDER BY event_id`,
      )) as { eventId: string; audience: string; partyIds: string[] }[];
    try {
      await after.runMigrations({ transaction: 'each' });
      expect(await audiences()).toEqual([
        { eventId: annEntry, audience: 'result', partyIds: [ann] },
        { eventId: bobEntry, audience: 'result', partyIds: [bob] },
        { eventId: strayEntry, audience: 'staff', partyIds: [] },
        { eventId: stateEntry, audience: 'case', partyIds: [] },
      ]);

      await after.undoLastMigration({ transaction: 'each' });
      expect((await audiences()).map((r) => r.audience)).toEqual(['case', 'case', 'case', 'case']);
      await expect(
        after.query(`UPDATE case_timeline SET audience = 'result' WHERE event_id = $1`, [annEntry]),
      ).rejects.toThrow(/case_timeline_audience_check/);
    } finally {
      await after.destroy();
    }
  });
});
