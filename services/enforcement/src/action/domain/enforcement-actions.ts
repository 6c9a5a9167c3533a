import { ConflictError, BadUserInputError, FieldError } from '@ccsc/platform/errors';
import { MAX_PENCE } from '@ccsc/platform/money';

export const ACTION_IDS = [
  'reminder',
  'further-steps-notice',
  'collection-order',
  'attachment-of-earnings',
  'benefit-deductions',
  'registration',
  'fixed-penalty-increase',
  'clamping-order',
  'warrant-of-control',
  'means-inquiry-summons',
  'committal-warrant',
  'enforcement-hold',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

export interface ActionDefinition {
  id: ActionId;
  label: string;
  /** What may follow this action. */
  next: readonly ActionId[];
  needsEnforcementAgent: boolean;
  createsWarrant: boolean;
  /** While this is the last action, the default run leaves the account alone. */
  holdsEnforcement: boolean;
  /** Details the action must record. */
  details: readonly string[];
}

const RESUME: readonly ActionId[] = [
  'reminder',
  'further-steps-notice',
  'collection-order',
  'attachment-of-earnings',
  'benefit-deductions',
  'means-inquiry-summons',
];

/** Fines Officer powers and court orders, as data: adding an action is adding an entry. */
export const ACTIONS: Record<ActionId, ActionDefinition> = {
  reminder: {
    id: 'reminder',
    label: 'Reminder',
    next: [
      'further-steps-notice',
      'collection-order',
      'attachment-of-earnings',
      'benefit-deductions',
      'means-inquiry-summons',
      'enforcement-hold',
    ],
    needsEnforcementAgent: false,
    createsWarrant: false,
    holdsEnforcement: false,
    details: [],
  },
  'further-steps-notice': {
    id: 'further-steps-notice',
    label: 'Further steps notice',
    next: [
      'collection-order',
      'attachment-of-earnings',
      'benefit-deductions',
      'clamping-order',
      'warrant-of-control',
      'enforcement-hold',
    ],
    needsEnforcementAgent: false,
    createsWarrant: false,
    holdsEnforcement: false,
    details: [],
  },
  'collection-order': {
    id: 'collection-order',
    label: 'Collection order',
    next: [
      'attachment-of-earnings',
      'benefit-deductions',
      'clamping-order',
      'warrant-of-control',
      'means-inquiry-summons',
      'enforcement-hold',
    ],
    needsEnforcementAgent: false,
    createsWarrant: false,
    holdsEnforcement: false,
    details: [],
  },
  'attachment-of-earnings': {
    id: 'attachment-of-earnings',
    label: 'Attachment of earnings order',
    next: ['benefit-deductions', 'warrant-of-control', 'means-inquiry-summons', 'enforcement-hold'],
    needsEnforcementAgent: false,
    createsWarrant: false,
    holdsEnforcement: false,
    details: ['employer', 'deductionPence', 'protectedEarningsPence'],
  },
  'benefit-deductions': {
    id: 'benefit-deductions',
    label: 'Application for benefit deductions',
    next: ['attachment-of-earnings', 'warrant-of-control', 'means-inquiry-summons', 'enforcement-hold'],
    needsEnforcementAgent: false,
    createsWarrant: false,
    holdsEnforcement: false,
    details: ['benefit', 'applicationReference'],
  },
  registration: {
    id: 'registration',
    label: 'Registration of the fine',
    next: ['fixed-penalty-increase', 'further-steps-notice', 'collection-order', 'enforcement-hold'],
    needsEnforcementAgent: false,
    createsWarrant: false,
    holdsEnforcement: false,
    details: [],
  },
  'fixed-penalty-increase': {
    id: 'fixed-penalty-increase',
    label: '50% increase of a registered fixed penalty',
    next: ['further-steps-notice', 'collection-order', 'warrant-of-control', 'enforcement-hold'],
    needsEnforcementAgent: false,
    createsWarrant: false,
    holdsEnforcement: false,
    details: [],
  },
  'clamping-order': {
    id: 'clamping-order',
    label: 'Clamping order',
    next: ['warrant-of-control', 'means-inquiry-summons', 'enforcement-hold'],
    needsEnforcementAgent: true,
    createsWarrant: false,
    holdsEnforcement: false,
    details: ['vehicleRegistration'],
  },
  'warrant-of-control': {
    id: 'warrant-of-control',
    label: 'Warrant of control',
    next: ['means-inquiry-summons', 'attachment-of-earnings', 'benefit-deductions', 'enforcement-hold'],
    needsEnforcementAgent: true,
    createsWarrant: true,
    holdsEnforcement: false,
    details: [],
  },
  'means-inquiry-summons': {
    id: 'means-inquiry-summons',
    label: 'Summons to an enforcement court (means inquiry)',
    next: ['committal-warrant', 'attachment-of-earnings', 'benefit-deductions', 'collection-order', 'enforcement-hold'],
    needsEnforcementAgent: false,
    createsWarrant: false,
    holdsEnforcement: false,
    details: [],
  },
  'committal-warrant': {
    id: 'committal-warrant',
    label: 'Committal warrant',
    next: ['enforcement-hold'],
    needsEnforcementAgent: false,
    createsWarrant: true,
    holdsEnforcement: false,
    details: [],
  },
  'enforcement-hold': {
    id: 'enforcement-hold',
    label: 'Enforcement hold',
    next: RESUME,
    needsEnforcementAgent: false,
    createsWarrant: false,
    holdsEnforcement: true,
    details: ['reason'],
  },
};

/** What an officer may do on an account no action has been taken on yet (registration: fixed penalties only). */
export const FIRST_ACTIONS: readonly ActionId[] = [
  'reminder',
  'further-steps-notice',
  'collection-order',
  'attachment-of-earnings',
  'benefit-deductions',
  'registration',
  'enforcement-hold',
];

/**
 * What may follow the last action. One that issued a warrant may be taken again once that warrant was withdrawn (by
 * an officer, or because the account stopped owing and now owes again: a cheque that paid it off bounced), as a
 * withdrawal ends a warrant without anything enforced: enforcement takes up where it was.
 */
export function permittedAfter(last: ActionId | null, lastWarrantWithdrawn = false): readonly ActionId[] {
  if (last === null) return FIRST_ACTIONS;
  return lastWarrantWithdrawn && ACTIONS[last].createsWarrant ? [last, ...ACTIONS[last].next] : ACTIONS[last].next;
}

export function isActionId(value: string): value is ActionId {
  return (ACTION_IDS as readonly string[]).includes(value);
}

/** The officer's choice, checked against the state: refused with the permitted list when it may not follow. */
export function checkAction(
  last: ActionId | null,
  chosen: string,
  details: Record<string, string | number>,
  lastWarrantWithdrawn = false,
): ActionDefinition {
  if (!isActionId(chosen))
    throw new BadUserInputError('Unknown enforcement action', [
      { field: 'action', message: `must be one of ${ACTION_IDS.join(', ')}` },
    ]);
  const permitted = permittedAfter(last, lastWarrantWithdrawn);
  if (!permitted.includes(chosen)) {
    throw new ConflictError(
      `${chosen} cannot follow ${last ?? 'an account with no action yet'}; permitted next actions: ${permitted.join(', ')}`,
    );
  }
  const definition = ACTIONS[chosen];
  const problems: FieldError[] = definition.details
    .filter((d) => details[d] === undefined || details[d] === '')
    .map((d) => ({ field: `details.${d}`, message: `${chosen} records ${d}` }));
  const unknown = Object.keys(details).filter((d) => !definition.details.includes(d));
  problems.push(...unknown.map((d) => ({ field: `details.${d}`, message: `${chosen} does not record ${d}` })));
  for (const pence of ['deductionPence', 'protectedEarningsPence'] as const) {
    if (
      definition.details.includes(pence) &&
      details[pence] !== undefined &&
      (!Number.isInteger(details[pence]) || (details[pence] as number) < 1 || (details[pence] as number) > MAX_PENCE)
    ) {
      problems.push({ field: `details.${pence}`, message: `must be a whole number of pence from 1 to ${MAX_PENCE}` });
    }
  }
  if (problems.length) throw new BadUserInputError('Invalid action details', problems);
  return definition;
}
