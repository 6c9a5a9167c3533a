import { addDays, longDate } from '@ccsc/calendar';
import { PARTY_ROLE_NAMES, type Party } from '../../case/domain/party';
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
  // Facts only some case types ask about; absent is none.
  /**
   * Documents on the case accepted by the court: filed by its staff, or reviewed and accepted by them. Its
   * evidence; a party's own online filing, accepted as it comes, is not (the subject would make their own).
   */
  documentsAccepted?: number;
  /** Status review: a stakeholder's referral is recorded on the case. */
  referralRecorded?: boolean;
  /** Status review: the minded-to notice, with its proposed outcome and grounds, is recorded. */
  mindedToNoticeRecorded?: boolean;
  /** Status review: representations on the minded-to notice are recorded. */
  representationsRecorded?: boolean;
  /** What the check of the current decision found, once a second person has checked it. */
  decisionCheck?: 'approved' | 'returned';
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
    // "y" becomes "yr" before a vowel or h; a second role takes "neu'r" ("or the").
    description: (roles: readonly Bilingual[]): Bilingual => ({
      en: `The case names its ${roles.map((r) => r.en).join(' or ')}`,
      cy: `Mae'r achos yn enwi'r ${roles.map((r) => r.cy).join(" neu'r ")}`,
    }),
    reason: (roles: readonly Bilingual[]): Bilingual => ({
      en: `Add the ${roles.map((r) => r.en).join(' or ')} to the case.`,
      cy: `Ychwanegwch ${/^[aeiouwyh]/i.test(roles[0]?.cy ?? '') ? 'yr' : 'y'} ${roles.map((r) => r.cy).join(" neu'r ")} at yr achos.`,
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
  referral: {
    description: {
      en: 'The referral is recorded: who referred the person, and their concerns',
      cy: "Mae'r atgyfeiriad wedi'i gofnodi: pwy a atgyfeiriodd yr unigolyn, a'u pryderon",
    },
    reason: {
      en: 'Record the referral first: the stakeholder who made it, and their concerns.',
      cy: "Cofnodwch yr atgyfeiriad yn gyntaf: y rhanddeiliad a'i gwnaeth, a'u pryderon.",
    },
  },
  evidence: {
    description: {
      en: 'Evidence is on the case: at least one document the court filed or accepted on review',
      cy: 'Mae tystiolaeth ar yr achos: o leiaf un ddogfen a ffeiliwyd neu a dderbyniwyd gan y llys',
    },
    reason: {
      en: 'No evidence is on the case yet: add the documents gathered and accept them.',
      cy: "Nid oes tystiolaeth ar yr achos eto: ychwanegwch y dogfennau a gasglwyd a'u derbyn.",
    },
  },
  grounds: {
    description: {
      en: 'The notice gives the proposed outcome and its grounds',
      cy: "Mae'r hysbysiad yn rhoi'r canlyniad arfaethedig a'i seiliau",
    },
    reason: {
      en: 'Give the proposed outcome and its grounds when issuing the notice.',
      cy: "Rhowch y canlyniad arfaethedig a'i seiliau wrth gyhoeddi'r hysbysiad.",
    },
  },
  representations: {
    description: (name: Bilingual, end: string, cyEnd: string): Bilingual => ({
      en: `Representations are recorded, or ${lowerFirst(name.en)} has ended (it ends on ${end})`,
      cy: `Mae sylwadau wedi'u cofnodi, neu mae'r amser wedi dod i ben (${name.cy}: yn dod i ben ar ${cyEnd})`,
    }),
    reason: (name: Bilingual, from: string, cyFrom: string): Bilingual => ({
      en: `No representations are recorded yet, and ${lowerFirst(name.en)} has not ended: this is possible from ${from}, or as soon as representations are recorded.`,
      cy: `Nid oes sylwadau wedi'u cofnodi eto, ac nid yw'r amser wedi dod i ben (${name.cy}): mae hyn yn bosibl o ${cyFrom} ymlaen, neu cyn gynted ag y cofnodir sylwadau.`,
    }),
    notRunning: {
      en: 'Representations are recorded, or the time allowed for them has ended',
      cy: "Mae sylwadau wedi'u cofnodi, neu mae'r amser a ganiateir ar eu cyfer wedi dod i ben",
    },
  },
  check: {
    description: {
      en: 'A second caseworker has checked and approved the decision',
      cy: "Mae ail weithiwr achos wedi gwirio a chymeradwyo'r penderfyniad",
    },
    reason: {
      en: 'A caseworker other than the one who made the current decision must check it before the notice is served.',
      cy: "Rhaid i weithiwr achos heblaw'r un a wnaeth y penderfyniad presennol ei wirio cyn cyflwyno'r hysbysiad.",
    },
    returned: {
      en: 'The checker returned the decision with comments: record a corrected decision that supersedes it, and have that one checked.',
      cy: "Dychwelodd y gwiriwr y penderfyniad gyda nodiadau: cofnodwch benderfyniad wedi'i gywiro sy'n disodli'r un blaenorol, a threfnwch i hwnnw gael ei wirio.",
    },
  },
};

/** English lower-cases a name inside a sentence; Welsh keeps its "Name: ..." form (see the deadline text). */
function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function assess(criterion: ReadinessCriterion, facts: CaseFacts): { description: Bilingual; reason?: Bilingual } {
  switch (criterion.kind) {
    case 'party': {
      const roles = criterion.roles.map((role) => PARTY_ROLE_NAMES[role]);
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
    case 'referral-recorded':
      return {
        description: text.referral.description,
        ...(facts.referralRecorded ? {} : { reason: text.referral.reason }),
      };
    case 'evidence-accepted':
      return {
        description: text.evidence.description,
        ...(facts.documentsAccepted ? {} : { reason: text.evidence.reason }),
      };
    case 'minded-to-notice-grounds':
      return {
        description: text.grounds.description,
        ...(facts.mindedToNoticeRecorded ? {} : { reason: text.grounds.reason }),
      };
    case 'representations-considered': {
      const running = facts.deadline?.definition.id === criterion.deadline ? facts.deadline : undefined;
      if (!running)
        return {
          description: text.representations.notRunning,
          ...(facts.representationsRecorded ? {} : { reason: text.deadline.notRunning }),
        };
      const { name } = running.definition;
      const end = running.end.date;
      const description = text.representations.description(name, longDate(end, 'en'), longDate(end, 'cy'));
      if (facts.representationsRecorded || running.passed) return { description };
      const from = addDays(end, 1);
      return {
        description,
        reason: text.representations.reason(name, longDate(from, 'en'), longDate(from, 'cy')),
      };
    }
    case 'decision-checked': {
      if (facts.decisionCheck === 'approved') return { description: text.check.description };
      const reason = facts.decisionCheck === 'returned' ? text.check.returned : text.check.reason;
      return { description: text.check.description, reason };
    }
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
