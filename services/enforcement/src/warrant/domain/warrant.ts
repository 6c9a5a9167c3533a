import { BadUserInputError, ConflictError } from '@ccsc/platform/errors';

export const WARRANT_STATUSES = [
  'issued',
  'with-agent',
  'executed',
  'returned-unexecuted',
  'withdrawn',
  'expired',
] as const;
export type WarrantStatus = (typeof WARRANT_STATUSES)[number];

/** How long a warrant stays in force before it expires unexecuted. */
export const WARRANT_VALIDITY_DAYS = 365;

export interface Warrant {
  id: string;
  accountId: string;
  accountNumber: string;
  kind: string;
  status: WarrantStatus;
  agent: string | null;
  collectedPence: number | null;
  issuedOn: string;
  expiresOn: string;
}

/** Where a warrant may go from each status; executed, returned, withdrawn and expired are final. */
const NEXT: Record<WarrantStatus, readonly WarrantStatus[]> = {
  issued: ['with-agent', 'withdrawn', 'expired'],
  'with-agent': ['executed', 'returned-unexecuted', 'withdrawn', 'expired'],
  executed: [],
  'returned-unexecuted': [],
  withdrawn: [],
  expired: [],
};

export interface WarrantChange {
  status: WarrantStatus;
  agent?: string;
  collectedPence?: number;
}

export function checkWarrantChange(current: WarrantStatus, change: WarrantChange): WarrantChange {
  if (!NEXT[current].includes(change.status)) {
    throw new ConflictError(
      `A warrant ${current} cannot become ${change.status}; it may become: ${NEXT[current].join(', ') || 'nothing, it is final'}`,
    );
  }
  if (change.status === 'with-agent' && !change.agent)
    throw new BadUserInputError('Which agent?', [
      { field: 'agent', message: 'a warrant is given to a named enforcement agent' },
    ]);
  if (change.status === 'executed' && !(Number.isInteger(change.collectedPence) && (change.collectedPence ?? 0) >= 1)) {
    throw new BadUserInputError('What was collected?', [
      { field: 'collectedPence', message: 'an executed warrant reports what it collected, in whole pence' },
    ]);
  }
  if (change.status !== 'executed' && change.collectedPence !== undefined)
    throw new BadUserInputError('Only an executed warrant collects', [
      { field: 'collectedPence', message: 'only with status executed' },
    ]);
  return change;
}
