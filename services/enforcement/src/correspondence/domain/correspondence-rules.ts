import type { LocalDate } from '@ccsc/calendar';
import { enforcementCorrespondenceRequestedV1, type EventEnvelope } from '@ccsc/contracts';
import type { PlaceholderKind, TemplateDefinition } from '@ccsc/correspondence';
import * as shared from '@ccsc/correspondence/requests';
import { ACTIONS, isActionId } from '../../action/domain/enforcement-actions';
import type { AccountStatus } from '../../account/domain/fine-account';
import {
  arrearsOn,
  balanceOf,
  missedSince,
  nextPayment,
  type AccountStanding,
} from '../../terms/domain/terms-standing';

// Enforcement's correspondence rules (correspondence-rules.json) send notices about a fine account to its
// defendant; the table's shape and checks are libs/correspondence's (@ccsc/correspondence/requests). What is
// enforcement's own: the account's figures as values, and a notice for only some kinds of warrant.

/** Where a value comes from: a figure of the account on the event's day, or of the warrant the event is about. */
export const VALUE_SOURCES = {
  accountNumber: 'text',
  /** Everything still owed: imposed less paid and written off. */
  balance: 'money',
  /** What the terms asked for before the event's day and is unpaid (the default run's arrears). */
  arrears: 'money',
  /** The first scheduled payment before the event's day that is unpaid. */
  missedSince: 'date',
  /** The unpaid part of the next scheduled payment due on or after the event's day, and its day. */
  nextPaymentAmount: 'money',
  nextPaymentDate: 'date',
  /**
   * What to pay next and by when: the next scheduled payment, or, when the terms schedule nothing more
   * (a pay-by day gone by), everything still owed, within 14 days (a working day), as the other notices ask.
   */
  amountToPay: 'money',
  payBy: 'date',
  /** The day of the event: the action's day, the day the account defaulted, the warrant's change. */
  eventDay: 'date',
  warrantIssuedOn: 'date',
  /** The enforcement agents the warrant was passed to. */
  warrantAgent: 'text',
  /** The court that imposed the account's sums (and so makes its collection order). */
  imposingCourt: 'text',
} as const satisfies Record<string, PlaceholderKind>;
export type ValueSourceName = keyof typeof VALUE_SOURCES;

export interface CorrespondenceRule extends shared.CorrespondenceRule<ValueSourceName> {
  /** For an event about a warrant: the kinds of warrant (the action that created it) the notice is for. */
  warrantKinds?: string[];
}
export type CorrespondenceRules = shared.CorrespondenceRules<CorrespondenceRule>;
export type CorrespondenceOutcome = shared.CorrespondenceOutcome;

/** The days a notice gives to pay everything owed when the terms schedule nothing more. */
const PAY_WHAT_IS_OWED_WITHIN_DAYS = 14;

const WARRANT_SOURCES: readonly shared.ValueSource[] = ['warrantIssuedOn', 'warrantAgent'];

export const ENFORCEMENT_RULE_SCHEMA: shared.CorrespondenceRuleSchema<ValueSourceName, CorrespondenceRule> = {
  service: 'enforcement',
  valueSources: VALUE_SOURCES,
  ruleProblems(rule, where, fields) {
    const problems: string[] = [];
    if (fields && !fields.has('warrantId')) {
      const warrantValues = Object.values(rule.values ?? {}).filter((s) => WARRANT_SOURCES.includes(s));
      if (warrantValues.length > 0 || rule.warrantKinds)
        problems.push(`${where}: '${rule.on}' is not about a warrant, so it has no warrant to read`);
    }
    for (const kind of rule.warrantKinds ?? [])
      if (!isActionId(kind) || !ACTIONS[kind].createsWarrant)
        problems.push(`${where}: '${kind}' is no action that creates a warrant`);
    return problems;
  },
};

/** The problems of a rule table against enforcement's events, the templates given and its warrant-creating actions. */
export const checkCorrespondenceRules = (table: CorrespondenceRules, templates: readonly TemplateDefinition[]) =>
  shared.checkCorrespondenceRules(table, templates, ENFORCEMENT_RULE_SCHEMA);

/** What enforcement knows when an event calls for a notice, read in the event's inbox transaction. */
export interface CorrespondenceFacts {
  accountId: string;
  /** The event's day (Europe/London): the action's, the default's, the warrant change's. */
  day: LocalDate;
  account: AccountStanding & {
    accountNumber: string;
    status: AccountStatus;
    caseId: string | null;
    defendantPartyId: string | null;
    imposingCourt: string | null;
  };
  /** The warrant an event about a warrant names, when there is one. */
  warrant?: { kind: string; issuedOn: LocalDate; agent: string | null };
}

const ENFORCEMENT_READING: shared.CorrespondenceReading<ValueSourceName, CorrespondenceRule, CorrespondenceFacts> = {
  addressee(rule, { account, warrant }) {
    // A paid, written-off, consolidated or transferred account has nothing left to ask its defendant for.
    if (account.status !== 'live') return { skipped: `the account is ${account.status}` };
    // Nobody to write to: cases knows people only as parties of a case. An officer sees the account anyway.
    if (!account.defendantPartyId || !account.caseId)
      return { skipped: 'the account has no defendant party on a case' };
    if (rule.warrantKinds && !(warrant && rule.warrantKinds.includes(warrant.kind)))
      return { skipped: 'the warrant is not of a kind this notice is for' };
    return { caseId: account.caseId, partyId: account.defendantPartyId, about: account.accountNumber };
  },
  valueOf(name, { account, day, warrant }) {
    switch (name) {
      case 'accountNumber':
        return account.accountNumber;
      case 'balance':
        return balanceOf(account);
      case 'arrears':
        return arrearsOn(account, day);
      case 'missedSince':
        return missedSince(account, day);
      case 'nextPaymentAmount':
        return nextPayment(account, day)?.amountPence;
      case 'nextPaymentDate':
        return nextPayment(account, day)?.dueOn;
      case 'amountToPay':
        return nextPayment(account, day)?.amountPence ?? balanceOf(account);
      case 'payBy':
        return nextPayment(account, day)?.dueOn ?? shared.payByDay(day, PAY_WHAT_IS_OWED_WITHIN_DAYS);
      case 'eventDay':
        return day;
      case 'warrantIssuedOn':
        return warrant?.issuedOn;
      case 'warrantAgent':
        return warrant?.agent ?? undefined;
      case 'imposingCourt':
        return account.imposingCourt ?? undefined;
    }
  },
};

/** What each rule the event meets asks of cases for the account's defendant, or why nothing. */
export const correspondenceFor = (
  table: CorrespondenceRules,
  event: EventEnvelope,
  facts: CorrespondenceFacts,
  calendar?: Parameters<typeof shared.correspondenceFor>[4],
): CorrespondenceOutcome[] => shared.correspondenceFor(table, event, facts, ENFORCEMENT_READING, calendar);

/** How enforcement asks cases: its request event, its reading of the facts, the request's subject. */
export const ENFORCEMENT_REQUESTS: shared.CorrespondenceRequestsOf<
  ValueSourceName,
  CorrespondenceRule,
  CorrespondenceFacts
> = {
  requested: enforcementCorrespondenceRequestedV1,
  reading: ENFORCEMENT_READING,
  // Keyed by the account, as enforcement's other events about it are.
  subjectOf: (_event, { accountId }) => accountId,
};
