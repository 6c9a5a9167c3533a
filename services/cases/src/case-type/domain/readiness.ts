import { addDays, longDate } from '@ccsc/calendar';
import type { Party } from '../../case/domain/party';
import type { Bilingual, CaseEventDefinition, ReadinessCriterion } from './case-type.definition';
import type { CaseDeadline } from './deadlines';

export type Language = 'en' | 'cy';

/** What readiness is judged on: the case's own facts, nothing fetched from other services. */
export interface CaseFacts {
  parties: readonly Party[];
  /** Fee codes due on the case and neither paid nor remitted (payments reports settlements). */
  outstandingFees: readonly string[];
  documentsAwaitingAcceptance: number;
  openAssistedDigitalReferral: boolean;
  decisionRecorded: boolean;
  /** The deadline running in the case's state, if its type has one. */
  deadline?: CaseDeadline;
}

export interface CriterionAssessment {
  id: string;
  description: string;
  met: boolean;
  reason?: string;
}

export interface Readiness {
  event: string;
  ready: boolean;
  criteria: CriterionAssessment[];
  whatHappensNext: string;
}

const text = {
  party: {
    description: (roles: string): Bilingual => ({
      en: `The case names its ${roles}`,
      cy: `Mae'r achos yn enwi'r ${roles}`,
    }),
    reason: (roles: string): Bilingual => ({
      en: `Add the ${roles} to the case.`,
      cy: `Ychwanegwch y ${roles} at yr achos.`,
    }),
  },
  fees: {
    description: { en: 'Fees are paid or remitted', cy: "Mae'r ffioedd wedi'u talu neu eu hepgor" },
    reason: (codes: string): Bilingual => ({
      en: `The fee ${codes} has not been paid yet. Pay it, or apply for help with fees.`,
      cy: `Nid yw'r ffi ${codes} wedi'i thalu eto. Talwch hi, neu gwnewch gais am help i dalu ffioedd.`,
    }),
  },
  documents: {
    description: { en: 'Documents received are accepted', cy: "Mae'r dogfennau a ddaeth i law wedi'u derbyn" },
    reason: (n: number): Bilingual => ({
      en: `${n} document(s) are waiting for a caseworker to check that they can be accepted.`,
      cy: `Mae ${n} dogfen yn aros i weithiwr achos wirio a ellir eu derbyn.`,
    }),
  },
  decision: {
    description: { en: 'The decision is recorded', cy: "Mae'r penderfyniad wedi'i gofnodi" },
    reason: {
      en: 'Record the decision, with its outcome, legal basis and reasons, before the case moves to decided.',
      cy: "Cofnodwch y penderfyniad, gyda'i ganlyniad, ei sail gyfreithiol a'i resymau, cyn i'r achos symud i benderfynwyd.",
    },
  },
  assistedDigital: {
    description: { en: 'No assisted-digital referral is open', cy: 'Nid oes atgyfeiriad cymorth digidol ar agor' },
    reason: {
      en: 'An assisted-digital referral is still open; the case waits until the supplier has helped the user.',
      cy: "Mae atgyfeiriad cymorth digidol yn dal ar agor; mae'r achos yn aros nes bydd y cyflenwr wedi helpu'r defnyddiwr.",
    },
  },
  deadline: {
    description: (name: Bilingual, end: string, cyEnd: string): Bilingual => ({
      en: `${name.en} ends on ${end}`,
      // "Name: ..." keeps the Welsh correct whatever the name's first word mutates to after a verb.
      cy: `${name.cy}: yn dod i ben ar ${cyEnd}`,
    }),
    reason: (name: Bilingual, from: string, cyFrom: string): Bilingual => ({
      en: `${name.en} has not ended yet: this is possible from ${from}.`,
      cy: `${name.cy}: heb ddod i ben eto; mae hyn yn bosibl o ${cyFrom} ymlaen.`,
    }),
    notRunning: {
      en: 'This is possible only once the time allowed in an earlier step has ended.',
      cy: 'Mae hyn yn bosibl dim ond unwaith y bydd yr amser a ganiateir mewn cam cynharach wedi dod i ben.',
    },
  },
};

function assess(criterion: ReadinessCriterion, facts: CaseFacts): { description: Bilingual; reason?: Bilingual } {
  switch (criterion.kind) {
    case 'party': {
      const roles = criterion.roles.join(' / ');
      const met = facts.parties.some((p) => criterion.roles.includes(p.role));
      return { description: text.party.description(roles), ...(met ? {} : { reason: text.party.reason(roles) }) };
    }
    case 'fees-settled':
      return {
        description: text.fees.description,
        ...(facts.outstandingFees.length ? { reason: text.fees.reason(facts.outstandingFees.join(', ')) } : {}),
      };
    case 'documents-accepted':
      return {
        description: text.documents.description,
        ...(facts.documentsAwaitingAcceptance
          ? { reason: text.documents.reason(facts.documentsAwaitingAcceptance) }
          : {}),
      };
    case 'decision-recorded':
      return {
        description: text.decision.description,
        ...(facts.decisionRecorded ? {} : { reason: text.decision.reason }),
      };
    case 'deadline-passed': {
      const running = facts.deadline?.definition.id === criterion.deadline ? facts.deadline : undefined;
      if (!running) return { description: text.deadline.notRunning, reason: text.deadline.notRunning };
      const { name } = running.definition;
      const end = running.end.date;
      const description = text.deadline.description(name, longDate(end, 'en'), longDate(end, 'cy'));
      if (running.passed) return { description };
      const from = addDays(end, 1);
      return { description, reason: text.deadline.reason(name, longDate(from, 'en'), longDate(from, 'cy')) };
    }
    case 'no-open-assisted-digital-referral':
      return {
        description: text.assistedDigital.description,
        ...(facts.openAssistedDigitalReferral ? { reason: text.assistedDigital.reason } : {}),
      };
  }
}

/** Each criterion of the event, met or not and why, in the user's language, and what happens next. */
export function assessReadiness(event: CaseEventDefinition, facts: CaseFacts, language: Language = 'en'): Readiness {
  const criteria = event.readiness.map((criterion) => {
    const { description, reason } = assess(criterion, facts);
    return {
      id: criterion.id,
      description: description[language],
      met: !reason,
      ...(reason ? { reason: reason[language] } : {}),
    };
  });
  return {
    event: event.id,
    ready: criteria.every((c) => c.met),
    criteria,
    whatHappensNext: event.whatHappensNext[language],
  };
}
