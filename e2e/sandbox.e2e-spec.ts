import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eventually, testEnv, testToken, TEST_AUDIENCE, TEST_ISSUER } from '@ccsc/testing';
import { REPO_ROOT } from '../tools/repo-root';
import { sandboxBanner } from '../tools/sandbox/sandbox-banner';
import { SANDBOX_FIRM } from '../tools/sandbox/sandbox-firm';
import { seedSandbox, type SandboxSeed } from '../tools/sandbox/seed-sandbox';
import { sandboxRequested } from '../tools/sandbox/start-sandbox';
import type { Loose } from './graphql-client';
import { RunningPlatform, startTestPlatform } from './platform';

const run = promisify(execFile);

/** The README's section, whose commands this file runs as they are written there. */
const SECTION = 'First call in five minutes';
/** Where the README's commands send their requests: `npm start`'s gateway. */
const README_GATEWAY = 'http://127.0.0.1:4000';

function readmeBashBlocks(): string[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${SECTION}\n`);
  if (start < 0) throw new Error(`README.md has no section "${SECTION}"`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

interface CurlCall {
  args: string;
  status: number;
  body: string;
}

/**
 * Runs bash commands as a partner would paste them, with every curl call's status and body recorded:
 * `curl` is a function around the real one that passes its output through unchanged.
 */
async function runAsPartner(
  commands: string,
  env: Record<string, string> = {},
): Promise<{ stdout: string; calls: CurlCall[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-walkthrough-'));
  const log = path.join(dir, 'curl.jsonl');
  const recordingCurl = `
curl() {
  local body status rc=0
  body=$(mktemp)
  status=$(command curl -o "$body" -w '%{http_code}' "$@") || rc=$?
  jq -cn --arg args "$*" --arg status "$status" --rawfile body "$body" \\
    '{args: $args, status: ($status | tonumber), body: $body}' >> "$CURL_LOG"
  cat "$body"
  rm -f "$body"
  return $rc
}
`;
  try {
    const { stdout } = await run('bash', ['-c', `set -euo pipefail\n${recordingCurl}\n${commands}`], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, CURL_LOG: log },
      timeout: 90_000,
    });
    const calls = (existsSync(log) ? readFileSync(log, 'utf8') : '')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as CurlCall);
    return { stdout, calls };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the partner sandbox, through the gateway', () => {
  let platform: RunningPlatform;
  let first: SandboxSeed;
  let second: SandboxSeed;
  const blocks = readmeBashBlocks();

  const seed = () =>
    seedSandbox({
      gatewayUrl: platform.gatewayUrl,
      mintToken: (persona, ttl) => testToken(persona.role, { org: persona.org, sub: persona.sub, ttl }),
    });
  const rest = async (pathAndQuery: string, token: string) => {
    const res = await fetch(`${platform.gatewayUrl}${pathAndQuery}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as Loose };
  };
  const casesOf = async (token: string) => (await rest('/api/v1/cases?limit=100', token)).body.items as Loose[];

  beforeAll(async () => {
    platform = await startTestPlatform({ services: ['payments'] });
    first = await seed();
    second = await seed();
  }, 180_000);
  afterAll(() => platform?.stop());

  it('seeds the firm once: its account, and a claim in each state, the second run finding them all', async () => {
    expect(second.claims.map((c) => [c.id, c.reference, c.state])).toEqual(
      first.claims.map((c) => [c.id, c.reference, c.state]),
    );
    expect(first.claims.map((c) => c.state)).toEqual(['Draft', 'Issued', 'AwaitingResponse', 'Listed', 'Closed']);
    // The issue fees of the claims past Draft (£2,500, £4,800, £9,000 and £750 claimed: £115, £205, £455
    // and £70) and the hearing fees of the listed and the closed ones (£346, £85), paid once however
    // often the seed runs.
    const spent = 11_500 + 20_500 + 45_500 + 7_000 + 34_600 + 8_500;
    expect(second.account).toEqual({
      accountNumber: SANDBOX_FIRM.accountNumber,
      organisationId: SANDBOX_FIRM.organisationId,
      name: SANDBOX_FIRM.name,
      status: 'active',
      creditLimitPence: SANDBOX_FIRM.creditPence,
      usedPence: spent,
      availablePence: SANDBOX_FIRM.creditPence - spent,
      proposedCreditLimitPence: null,
    });

    const token = second.token;
    const cases = await casesOf(token);
    expect(cases.map((c) => c.id).sort()).toEqual(first.claims.map((c) => c.id).sort());
    for (const claim of second.claims) {
      const found = cases.find((c) => c.id === claim.id)!;
      expect(found.state).toBe(claim.state);
      expect(found.parties).toContainEqual(
        expect.objectContaining({ role: 'claimant', name: claim.claimant, representedBy: SANDBOX_FIRM.organisationId }),
      );
    }
    const listed = second.claims.find((c) => c.state === 'Listed')!;
    const hearings = (await rest(`/api/v1/cases/${listed.id}/hearings`, token)).body;
    expect(hearings).toEqual([expect.objectContaining({ status: 'listed', venueName: 'Central London County Court' })]);
    expect(new Date(listed.hearingStartsAt!).getTime()).toBeGreaterThan(Date.now());
    const closed = second.claims.find((c) => c.state === 'Closed')!;
    expect((await rest(`/api/v1/cases/${closed.id}/history`, token)).body.map((h: Loose) => h.event)).toEqual([
      'submit',
      'issue',
      'serve',
      'ready-for-listing',
      'list',
      'hear',
      'decide',
      'close',
    ]);

    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Loose;
    expect(claims).toMatchObject({ sub: SANDBOX_FIRM.user, roles: ['professional'], org: SANDBOX_FIRM.organisationId });
    expect(claims.exp - claims.iat).toBe(24 * 60 * 60);

    const banner = sandboxBanner(second).join('\n');
    expect(banner).toContain(SANDBOX_FIRM.accountNumber);
    for (const claim of second.claims) expect(banner).toContain(claim.reference);
    expect(banner.split('\n').at(-1)).toBe(token);
  });

  it("shows the firm its own cases and account, and nothing of another firm's", async () => {
    const otherFirm = await testToken('professional', { org: 'other-firm-llp', sub: 'other-solicitor' });
    const created = await fetch(`${platform.gatewayUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${otherFirm}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        caseType: 'civil-money-claim',
        parties: [
          { role: 'claimant', kind: 'person', name: 'Sam Other', representedBy: 'other-firm-llp' },
          { role: 'defendant', kind: 'organisation', name: 'Elsewhere Ltd' },
        ],
      }),
    });
    expect(created.status).toBe(201);
    const theirs = ((await created.json()) as Loose).id as string;

    const token = second.token;
    expect((await casesOf(token)).map((c) => c.id)).not.toContain(theirs);
    expect((await rest(`/api/v1/cases/${theirs}`, token)).status).toBe(404);
    expect((await rest(`/api/v1/cases/${theirs}/timeline`, token)).status).toBe(404);
    expect((await rest('/api/v1/payments/accounts', token)).body).toEqual([
      expect.objectContaining({ accountNumber: SANDBOX_FIRM.accountNumber }),
    ]);

    expect((await casesOf(otherFirm)).map((c) => c.id)).toEqual([theirs]);
    expect((await rest(`/api/v1/cases/${second.claims[1]!.id}`, otherFirm)).status).toBe(404);
    expect((await rest('/api/v1/payments/accounts', otherFirm)).body).toEqual([]);
    const borrowed = await fetch(`${platform.gatewayUrl}/api/v1/payments/cases/${theirs}/payments-by-account`, {
      method: 'POST',
      headers: { authorization: `Bearer ${otherFirm}`, 'content-type': 'application/json' },
      body: JSON.stringify({ accountNumber: SANDBOX_FIRM.accountNumber }),
    });
    expect(borrowed.status).toBe(404);
  });

  it("runs the README's commands: npm start's opt-in, the walkthrough with the printed token, and a fresh token", async () => {
    const [start, walkthrough, freshToken, ...others] = blocks;
    expect(others).toEqual([]);

    // `npm start -- --sandbox` asks start.ts for the sandbox (this file's platform stands in for the rest of it).
    const startCommand = start!.trim();
    expect(startCommand).toMatch(/^npm start -- /);
    const startArgs = startCommand.replace(/^npm start -- /, '').split(/\s+/);
    expect(sandboxRequested(startArgs, { NODE_ENV: 'development' })).toBe(true);
    expect(() => sandboxRequested(startArgs, { NODE_ENV: 'production' })).toThrow(/refused/);

    const partnerScript = (token: string) =>
      walkthrough!.replace(/^TOKEN=.*$/m, `TOKEN='${token}'`).replaceAll(README_GATEWAY, platform.gatewayUrl);
    expect(walkthrough).toMatch(/^TOKEN=/m);
    const token = second.token;
    const usedBefore = second.account.usedPence;
    const { calls } = await runAsPartner(partnerScript(token));

    const call = (pattern: RegExp) => {
      const matching = calls.filter((c) => pattern.test(c.args));
      expect(matching.length).toBeGreaterThan(0);
      return { ...matching.at(-1)!, json: JSON.parse(matching.at(-1)!.body) as Loose };
    };
    const failed = calls.filter((c) => c.status < 200 || c.status >= 300);
    expect(failed.map((c) => `${c.status} ${c.args}: ${c.body}`)).toEqual([]);

    expect(call(/\/payments\/accounts/).json).toEqual([
      expect.objectContaining({
        accountNumber: SANDBOX_FIRM.accountNumber,
        organisationId: SANDBOX_FIRM.organisationId,
      }),
    ]);
    const listedRefs = call(/\/cases\?/).json.items.map((c: Loose) => c.reference);
    expect(listedRefs).toEqual(expect.arrayContaining(second.claims.map((c) => c.reference)));

    const created = call(/-X POST \S+\/cases -H/);
    const caseId = created.json.id as string;
    expect(created.json).toMatchObject({ caseType: 'civil-money-claim', state: 'Draft' });
    expect(created.json.parties).toContainEqual(
      expect.objectContaining({ role: 'claimant', representedBy: SANDBOX_FIRM.organisationId }),
    );
    expect(call(/\/events/).json).toMatchObject({ id: caseId, state: 'Submitted' });
    expect(call(/\/service-request/).json).toMatchObject({
      caseId,
      fees: [expect.objectContaining({ code: 'FEE0202', amountPence: 11_500, pricingBasis: 'claim-amount' })],
    });
    const paid = call(/\/payments-by-account/).json;
    expect(paid).toMatchObject({
      method: 'payment-by-account',
      status: 'success',
      amountPence: 11_500,
      caseId,
      accountId: expect.any(String),
    });
    expect(call(/\/timeline/).json.map((e: Loose) => e.summary)).toEqual(
      expect.arrayContaining(['Case opened as civil-money-claim, state Draft', 'submit: Draft → Submitted']),
    );
    expect(call(/\/history/).json).toEqual([
      expect.objectContaining({ event: 'submit', from: 'Draft', to: 'Submitted' }),
    ]);
    expect(call(/\/readiness/).json).toMatchObject({ event: 'issue' });
    const viaGraphql = call(/\/graphql /).json;
    expect(viaGraphql.errors).toBeUndefined();
    expect(viaGraphql.data.case).toMatchObject({
      reference: created.json.reference,
      state: 'Submitted',
      history: [expect.objectContaining({ event: 'submit', from: 'Draft', to: 'Submitted' })],
    });
    expect(viaGraphql.data.case.timeline.map((e: Loose) => e.summary)).toContain('submit: Draft → Submitted');

    // What the payment settles reaches the case from payments' events a moment later.
    await eventually(async () => {
      const readiness = (await rest(`/api/v1/cases/${caseId}/readiness?event=issue`, token)).body;
      expect(readiness.criteria).toContainEqual(expect.objectContaining({ id: 'fees-settled', met: true }));
    });
    const account = async () => (await rest('/api/v1/payments/accounts', token)).body[0] as Loose;
    expect((await account()).usedPence).toBe(usedBefore + 11_500);

    // Pasted again, every POST is answered from its Idempotency-Key: the same claim, submission and payment.
    const again = await runAsPartner(partnerScript(token));
    expect(again.calls.filter((c) => c.status < 200 || c.status >= 300)).toEqual([]);
    const againCreated = again.calls.find((c) => /-X POST \S+\/cases -H/.test(c.args))!;
    expect(JSON.parse(againCreated.body).id).toBe(caseId);
    const againPaid = again.calls.find((c) => /\/payments-by-account/.test(c.args))!;
    expect(JSON.parse(againPaid.body).id).toBe(paid.id);
    expect((await account()).usedPence).toBe(usedBefore + 11_500);

    // Another token for the same user, minted as the README says (with this run's signing key).
    expect(freshToken).toMatch(/npm run -s token/);
    const minted = await runAsPartner(`${freshToken}\nprintf '%s' "$TOKEN"`, {
      AUTH_LOCAL_KEYS_DIR: testEnv().keysDir,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
    });
    expect((await casesOf(minted.stdout)).map((c) => c.id).sort()).toEqual(
      (await casesOf(token)).map((c) => c.id).sort(),
    );
  }, 180_000);

  it('replaces a claim the partner has moved on, and tops up an account running low, on the next run', async () => {
    const token = second.token;
    const draft = second.claims.find((c) => c.state === 'Draft')!;
    const submitted = await fetch(`${platform.gatewayUrl}/api/v1/cases/${draft.id}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'submit' }),
    });
    expect(submitted.status).toBe(200);
    const finance = await testToken('finance-officer', { sub: 'finance-fay' });
    const { usedPence } = (await rest('/api/v1/payments/accounts', token)).body[0] as Loose;
    const lowered = await fetch(
      `${platform.gatewayUrl}/api/v1/payments/accounts/${SANDBOX_FIRM.accountNumber}/changes`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${finance}`, 'content-type': 'application/json' },
        body: JSON.stringify({ creditLimitPence: usedPence + 50_000 }),
      },
    );
    expect(lowered.status).toBe(200);

    const third = await seed();
    const newDraft = third.claims.find((c) => c.state === 'Draft')!;
    expect(newDraft.id).not.toBe(draft.id);
    expect(third.claims.filter((c) => c.state !== 'Draft').map((c) => c.id)).toEqual(
      second.claims.filter((c) => c.state !== 'Draft').map((c) => c.id),
    );
    expect((await rest(`/api/v1/cases/${draft.id}`, token)).body.state).toBe('Submitted');
    expect(third.account).toMatchObject({ usedPence, availablePence: SANDBOX_FIRM.creditPence });
  });
});
