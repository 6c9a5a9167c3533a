import { LocalDate } from '@ccsc/calendar';
import { arrearsOn, type AccountStanding } from '../../terms/domain/terms-standing';
import { EnforcementPath } from './enforcement-paths';

export interface Assessment {
  arrearsPence: number;
  /** Instalments missed (in the account's frequency), or days overdue for pay-by-date terms. */
  missed: number;
  inDefault: boolean;
}

/**
 * The account against its schedule on a day: the rule the default run applies in SQL to every
 * account at once, written out per account so the two can be compared.
 */
export function assessAccount(account: AccountStanding, path: EnforcementPath, asOf: LocalDate): Assessment {
  const arrearsPence = arrearsOn(account, asOf);
  if (arrearsPence === 0) return { arrearsPence, missed: 0, inDefault: false };
  if (account.terms.kind === 'pay-by-date') {
    const missed = daysBetween(account.terms.payBy, asOf);
    return { arrearsPence, missed, inDefault: missed >= path.daysOverdueToDefault };
  }
  const missed = Math.ceil(arrearsPence / account.terms.instalmentPence);
  return { arrearsPence, missed, inDefault: missed >= path.missedToDefault[account.terms.frequency] };
}

function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
