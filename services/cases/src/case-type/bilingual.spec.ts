import { englishFragments } from '@ccsc/testing';
import { PARTY_ROLE_NAMES, type Party } from '../case/domain/party';
import { Hearing, HEARING_STATUSES, type HearingStatus } from '../hearing/domain/hearing';
import { CASE_TYPES } from './case-types';
import type { Bilingual, CaseTypeDefinition } from './domain/case-type.definition';
import { deadlineInState } from './domain/deadlines';
import { assessReadiness, type CaseFacts } from './domain/readiness';

/** Every Bilingual inside a value, with where it was found. */
function bilinguals(value: unknown, path: string): Array<{ path: string; text: Partial<Bilingual> }> {
  if (typeof value !== 'object' || value === null) return [];
  if ('en' in value || 'cy' in value) return [{ path, text: value as Partial<Bilingual> }];
  return Object.entries(value).flatMap(([key, inner]) => bilinguals(inner, `${path}.${key}`));
}

const welshProblems = (where: string, welsh: string) =>
  englishFragments(welsh).map((word) => `${where}: "${word}" in "${welsh}"`);

/** Every fact unmet, and every deadline running (or passed), so every criterion speaks. */
function factsFor(type: CaseTypeDefinition, state: string, passed: boolean, parties: Party[] = []): CaseFacts {
  const enteredAt = new Date('2026-12-02T11:00:00Z');
  const now = passed ? new Date('2027-06-01T12:00:00Z') : enteredAt;
  return {
    parties,
    outstandingFees: ['FEE0203'],
    documentsAwaitingAcceptance: 2,
    openAssistedDigitalReferral: true,
    decisionRecorded: false,
    deadline: deadlineInState(type, { state, stateEnteredAt: enteredAt, stateUntil: '2027-03-01' }, now),
  };
}

describe('every user-facing string in English and Welsh', () => {
  it.each(CASE_TYPES.map((t) => [t.id, t] as const))('case type %s has both languages in every text', (_, type) => {
    const problems = bilinguals(type, type.id).flatMap(({ path, text }) => [
      ...(text.en?.trim() ? [] : [`${path}: no English`]),
      ...(text.cy?.trim() ? [] : [`${path}: no Welsh`]),
      ...(text.en && text.cy && text.en === text.cy ? [`${path}: the Welsh is the English`] : []),
      ...welshProblems(path, text.cy ?? ''),
    ]);
    expect(problems).toEqual([]);
  });

  it.each(CASE_TYPES.map((t) => [t.id, t] as const))(
    'case type %s gives its readiness text in Welsh without English fragments, met or not',
    (_, type) => {
      const problems = type.events.flatMap((event) =>
        event.from.flatMap((state) =>
          [false, true].flatMap((passed) => {
            const readiness = assessReadiness(event, factsFor(type, state, passed), 'cy');
            return [
              readiness.whatHappensNext,
              ...readiness.criteria.flatMap((c) => [c.description, c.reason ?? '']),
            ].flatMap((text) => welshProblems(`${type.id}.${event.id} from ${state}`, text));
          }),
        ),
      );
      expect(problems).toEqual([]);
    },
  );

  it('names every party role in both languages, in the readiness text too', () => {
    for (const [role, name] of Object.entries(PARTY_ROLE_NAMES)) {
      expect(name.en).toBeTruthy();
      expect(name.cy).toBeTruthy();
      expect(welshProblems(role, name.cy)).toEqual([]);
    }
    const divorce = CASE_TYPES.find((t) => t.id === 'divorce')!;
    const submit = divorce.events.find((e) => e.readiness.some((c) => c.kind === 'party'))!;
    const texts = assessReadiness(submit, factsFor(divorce, submit.from[0]!, false), 'cy').criteria;
    expect(texts.filter((c) => c.id.startsWith('has-'))).toEqual([
      {
        id: 'has-applicant',
        description: "Mae'r achos yn enwi'r ceisydd",
        met: false,
        reason: 'Ychwanegwch y ceisydd at yr achos.',
      },
      {
        id: 'has-respondent',
        description: "Mae'r achos yn enwi'r atebydd",
        met: false,
        reason: 'Ychwanegwch yr atebydd at yr achos.',
      },
    ]);
  });

  it.each(HEARING_STATUSES.map((s) => [s]))(
    'answers "is it going ahead?" in Welsh when the hearing is %s',
    (status) => {
      const answer = hearingThat(status as HearingStatus).goingAhead;
      expect(answer.en).not.toEqual(answer.cy);
      expect(welshProblems(status, answer.cy)).toEqual([]);
    },
  );
});

const now = new Date('2026-12-02T09:00:00Z');
function hearingThat(status: HearingStatus): Hearing {
  const hearing = Hearing.list({
    caseId: '00000000-0000-4000-8000-000000000001',
    venueId: 'CDF-CJC',
    venueName: 'Canolfan Cyfiawnder Sifil Caerdydd',
    hearingType: 'final-hearing',
    startsAt: new Date('2027-01-12T10:00:00Z'),
    durationMinutes: 60,
    listedBy: 'clerk-1',
    now,
  });
  const later = new Date('2027-01-12T09:00:00Z');
  const reason = 'ni allai’r cyfieithydd ddod';
  if (status === 'listed') return hearing;
  if (status === 'completed' || status === 'in-progress') {
    hearing.changeStatus({ status: 'in-progress' }, 'clerk-1', later);
    if (status === 'completed') hearing.changeStatus({ status: 'completed' }, 'clerk-1', later);
    return hearing;
  }
  hearing.changeStatus(status === 'running-late' ? { status, delayMinutes: 30 } : { status, reason }, 'clerk-1', later);
  return hearing;
}
