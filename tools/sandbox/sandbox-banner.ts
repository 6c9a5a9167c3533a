import { londonLocalDateTime } from '@ccsc/calendar';
import { pounds, type SandboxSeed } from './seed-sandbox';

/** What `npm start -- --sandbox` prints about the sandbox: the firm, its account and claims, and its user's token. */
export function sandboxBanner(seed: SandboxSeed): string[] {
  const { firm, account, user } = seed;
  const claimLines = seed.claims.map((claim, i) => {
    const hearing = claim.hearingStartsAt ? londonLocalDateTime(new Date(claim.hearingStartsAt)) : undefined;
    const about = hearing ? `${claim.about} (${hearing.date} ${hearing.time.slice(0, 5)})` : claim.about;
    const label = i === 0 ? '  claims      ' : '              ';
    return `${label} ${claim.reference}  ${claim.state.padEnd(16)} ${claim.claimant} v ${claim.defendant}: ${about}`;
  });
  return [
    'Partner sandbox (README.md, "First call in five minutes")',
    `  firm         ${firm.name} (organisation ${firm.organisationId})`,
    `  account      ${account.accountNumber}: ${pounds(account.availablePence)} of ${pounds(account.creditLimitPence)} credit available`,
    ...claimLines,
    `  user         ${user.sub}, role ${user.role} of ${firm.organisationId}; token below, valid until ${seed.tokenExpiresAt.toISOString()}`,
    `  may          open claims for the firm's clients (representedBy "${firm.organisationId}"), submit or withdraw them,`,
    `               pay their fees from ${account.accountNumber}, and read the firm's cases, timelines, history, hearings,`,
    "               decisions, payments and account; nothing of another firm's. Issuing, serving, listing and judgment",
    "               are the court's (a staff token: npm run -s token -- --role caseworker).",
    `  fresh token  npm run -s token -- --role ${user.role} --org ${firm.organisationId} --sub ${user.sub}`,
    '',
    seed.token,
  ];
}
