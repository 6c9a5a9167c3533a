// Management information (issue 24), end to end: a month of activity seeded through the gateway across the five
// services, then ONE managementInformation query as a team leader, whose every figure (totals, breakdown rows and
// weekly buckets) must equal what this test counts itself, with its own SQL, in each service's own database.
//
// The counting below is written from the tables (services/<svc>/src/migrations) and the meaning of each field as
// the contract describes it, never from the services' MI code: a mismatch is either a service bug or a different
// reading of a field's meaning, and the failure names the figure, what the tables say and what the API said.
//
// Isolation: startTestPlatform gives this file its own freshly migrated databases and its own in-process event
// bus, so no other spec writes to them. The services' own background work (outbox relays, consumers catching up,
// SLA watchers) still runs, so the query and the counts are compared in a loop until the counts are stable and
// match, or the time is up (then the last comparison is reported).
//
// The operation is sent with sendUntypedGraphQL (still validated against gateway/supergraph.graphql before it
// goes) rather than a generated `graphql()` document, so this file needs no regeneration of e2e/generated while
// the sections are being built; the query is one fixed selection of every section (a section missing from the
// supergraph is left out of it and its test fails saying so).
import { Client } from 'pg';
import { addDays, dayOfWeek, londonInstant, londonLocalDate, type LocalDate } from '@ccsc/calendar';
import { bearer, eventually } from '@ccsc/testing';
import { parse } from 'graphql';
import { assertOperationInContract, sendUntypedGraphQL, type Loose } from './graphql-client';
import { RunningPlatform, startTestPlatform } from './platform';

type SectionName = 'cases' | 'enquiries' | 'complaints' | 'fees' | 'fines';
const SECTION_NAMES: SectionName[] = ['cases', 'enquiries', 'complaints', 'fees', 'fines'];

/** Every field of every section, as the issue's contract lists them. */
const SELECTIONS: Record<SectionName, string> = {
  cases: `cases {
      issued progressed closed medianDaysToIssue
      byCaseType { caseType issued progressed closed medianDaysToIssue }
      periods { start issued progressed closed }
    }`,
  enquiries: `enquiries {
      received answered answeredWithinSla slaMetPercent firstContactResolved firstContactResolutionPercent
      byChannel { channel received answered answeredWithinSla firstContactResolved }
      periods { start received answered answeredWithinSla firstContactResolved }
    }`,
  complaints: `complaints {
      received answered answeredOnTime closed upheld perThousandCases
      byBusinessArea { businessArea closed upheld }
      byCause { cause closed upheld }
      periods { start received answered answeredOnTime }
    }`,
  fees: `fees {
      chargedPence remittedPence collectedPence refundedPence payments
      byMethod { method payments collectedPence }
      periods { start chargedPence remittedPence collectedPence refundedPence }
    }`,
  fines: `fines {
      accountsOpened imposedPence collectedPence writtenOffPence collectionRatePercent
      byBusinessUnit { businessUnit imposedPence collectedPence writtenOffPence }
      periods { start imposedPence collectedPence writtenOffPence }
    }`,
};

const miQuery = (sections: readonly SectionName[]) => `
  query ManagementInformationMonth($from: String!, $to: String!) {
    managementInformation(from: $from, to: $to, granularity: WEEK) {
      id from to granularity
      ${sections.map((s) => SELECTIONS[s]).join('\n      ')}
    }
  }`;

/** How each breakdown's rows are keyed. */
const ROW_KEYS: Record<string, string> = {
  byCaseType: 'caseType',
  byChannel: 'channel',
  byBusinessArea: 'businessArea',
  byCause: 'cause',
  byMethod: 'method',
  byBusinessUnit: 'businessUnit',
  periods: 'start',
};

/** The final states of each case type (services/cases/src/case-type/definitions): entering one is a closure. */
const FINAL_STATES: Record<string, string[]> = {
  'civil-money-claim': ['Closed', 'Withdrawn', 'StruckOut'],
  'criminal-prosecution': ['Closed', 'Withdrawn'],
  divorce: ['Closed', 'Withdrawn'],
  'immigration-status-review': ['Closed'],
  'lasting-power-of-attorney': ['Registered', 'Rejected', 'Withdrawn'],
  probate: ['GrantIssued', 'Rejected'],
  'social-security-appeal': ['Closed', 'Withdrawn', 'StruckOut'],
};

type Period = {
  from: LocalDate;
  to: LocalDate;
};

/** A month ending today (London): from today-30 to today, both inclusive. Read afresh each time, as midnight may pass. */
function monthToToday(): Period {
  const to = londonLocalDate(new Date());
  return { from: addDays(to, -30), to };
}

/** The week buckets' first days: `from`, then every Monday up to `to`. */
function weekStarts({ from, to }: Period): string[] {
  const starts = [from as string];
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (dayOfWeek(day) === 'monday') starts.push(day);
  return starts;
}

/** Noon in London `days` days before today: a backdated row's time, clear of any bucket's edge. */
const daysAgo = (days: number): Date => londonInstant(addDays(londonLocalDate(new Date()), -days), '12:00');

// The period's bounds and a column's week bucket, in SQL written for this test: $1 is `from`, $2 is `to`.
const START = `($1::date::timestamp AT TIME ZONE 'Europe/London')`;
const END = `(($2::date + 1)::timestamp AT TIME ZONE 'Europe/London')`;
const within = (column: string) => `(${column} >= ${START} AND ${column} < ${END})`;
const bucket = (column: string) =>
  `CASE WHEN ${within(column)} THEN to_char(greatest(date_trunc('week', ${column} AT TIME ZONE 'Europe/London')::date, $1::date), 'YYYY-MM-DD') END`;

const sum = (values: number[]) => values.reduce((t, v) => t + v, 0);
function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 100 : null);

/** Rows grouped by a key, then each group's figures: the breakdowns, in key order. */
function breakdown<R, F extends object>(
  rows: R[],
  keyOf: (row: R) => string | null | undefined,
  keyName: string,
  figures: (rows: R[]) => F,
): (F & Record<string, string>)[] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key == null) continue;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.keys()]
    .sort()
    .map((key) => ({ [keyName]: key, ...figures(groups.get(key)!) }) as F & Record<string, string>);
}

/** One figure per bucket of the period, every bucket present (a quiet one as zeros). */
function perWeek<R, F extends object>(
  period: Period,
  rows: R[],
  bucketsOf: (row: R) => (string | null)[],
  figures: (rows: R[], start: string) => F,
): (F & { start: string })[] {
  return weekStarts(period).map((start) => ({
    start,
    ...figures(
      rows.filter((r) => bucketsOf(r).includes(start)),
      start,
    ),
  }));
}

const count = <R>(rows: R[], test: (row: R) => boolean) => rows.filter(test).length;

// ───────────── what the tables say ─────────────

/** Cases: the issue event, changes of state into a final state (closed), and every other change (progressed). */
async function casesFromTables(db: Client, period: Period) {
  const { rows } = await db.query<{
    case_type: string;
    to_state: string;
    event: string;
    bucket: string;
    days: number;
  }>(
    `SELECT c.case_type, h.to_state, h.event, ${bucket('h.at')} AS bucket,
            ((h.at AT TIME ZONE 'Europe/London')::date - (c.created_at AT TIME ZONE 'Europe/London')::date) AS days
       FROM case_history h JOIN cases c ON c.id = h.case_id
      WHERE ${within('h.at')}`,
    [period.from, period.to],
  );
  const kindOf = (r: (typeof rows)[number]) =>
    r.event === 'issue' ? 'issued' : (FINAL_STATES[r.case_type] ?? []).includes(r.to_state) ? 'closed' : 'progressed';
  const moves = rows.map((r) => ({ ...r, kind: kindOf(r), days: Number(r.days) }));
  const counts = (of: typeof moves) => ({
    issued: count(of, (m) => m.kind === 'issued'),
    progressed: count(of, (m) => m.kind === 'progressed'),
    closed: count(of, (m) => m.kind === 'closed'),
  });
  const withMedian = (of: typeof moves) => ({
    ...counts(of),
    medianDaysToIssue: median(of.filter((m) => m.kind === 'issued').map((m) => m.days)),
  });
  return {
    ...withMedian(moves),
    byCaseType: breakdown(moves, (m) => m.case_type, 'caseType', withMedian),
    periods: perWeek(period, moves, (m) => [m.bucket], counts),
  };
}

/**
 * Enquiries: received when they reached the service centre; answered when resolved (the resolution clock stopped);
 * within SLA when that clock was met; resolved at first contact as the enquiry records it.
 */
async function enquiriesFromTables(db: Client, period: Period) {
  const { rows } = await db.query<{
    channel: string;
    received: string | null;
    answered: string | null;
    met: boolean | null;
    first_contact: boolean | null;
  }>(
    `SELECT e.channel, ${bucket('e.received_at')} AS received, ${bucket('e.resolved_at')} AS answered,
            r.met, e.resolved_first_contact AS first_contact
       FROM enquiries e LEFT JOIN enquiry_sla_clocks r ON r.enquiry_id = e.id AND r.clock = 'resolution'
      WHERE ${within('e.received_at')} OR ${within('e.resolved_at')}`,
    [period.from, period.to],
  );
  const figures = (of: typeof rows, start?: string) => {
    const answered = of.filter((r) => r.answered && (!start || r.answered === start));
    return {
      received: count(of, (r) => !!r.received && (!start || r.received === start)),
      answered: answered.length,
      answeredWithinSla: count(answered, (r) => r.met === true),
      firstContactResolved: count(answered, (r) => r.first_contact === true),
    };
  };
  const totals = figures(rows);
  return {
    ...totals,
    slaMetPercent: percent(totals.answeredWithinSla, totals.answered),
    firstContactResolutionPercent: percent(totals.firstContactResolved, totals.answered),
    byChannel: breakdown(
      rows,
      (r) => r.channel,
      'channel',
      (of) => figures(of),
    ),
    periods: perWeek(
      period,
      rows,
      (r) => [r.received, r.answered],
      (of, start) => figures(of, start),
    ),
  };
}

/**
 * Complaints: received (stage 1) when received; answered when a stage's response was sent, on time when by its
 * deadline; closed when closed, upheld when closed upheld or partially upheld; per thousand cases issued.
 */
async function complaintsFromTables(db: Client, period: Period, casesIssued: number) {
  const received = await db.query<{ bucket: string }>(
    `SELECT ${bucket('received_at')} AS bucket FROM complaints WHERE ${within('received_at')}`,
    [period.from, period.to],
  );
  const answered = await db.query<{ bucket: string; on_time: boolean }>(
    `SELECT ${bucket('responded_at')} AS bucket, responded_at <= due_at AS on_time
       FROM complaint_stages WHERE ${within('responded_at')}`,
    [period.from, period.to],
  );
  const closed = await db.query<{ business_area: string; cause_category: string; outcome: string }>(
    `SELECT business_area, cause_category, outcome FROM complaints WHERE ${within('closed_at')}`,
    [period.from, period.to],
  );
  const closures = (of: typeof closed.rows) => ({
    closed: of.length,
    upheld: count(of, (r) => r.outcome === 'upheld' || r.outcome === 'partially-upheld'),
  });
  return {
    received: received.rows.length,
    answered: answered.rows.length,
    answeredOnTime: count(answered.rows, (r) => r.on_time),
    ...closures(closed.rows),
    perThousandCases: casesIssued ? (received.rows.length / casesIssued) * 1000 : null,
    byBusinessArea: breakdown(closed.rows, (r) => r.business_area, 'businessArea', closures),
    byCause: breakdown(closed.rows, (r) => r.cause_category, 'cause', closures),
    periods: weekStarts(period).map((start) => {
      const answeredThen = answered.rows.filter((r) => r.bucket === start);
      return {
        start,
        received: count(received.rows, (r) => r.bucket === start),
        answered: answeredThen.length,
        answeredOnTime: count(answeredThen, (r) => r.on_time),
      };
    }),
  };
}

/**
 * Fees: fees added to service requests (charged), remissions granted (remitted), payments received by any method
 * and for anything (collected, gross), refunds (not consolatory payments) paid out (refunded, when paid).
 */
async function feesFromTables(db: Client, period: Period) {
  const money = async (table: string, at: string, extra = '') =>
    (
      await db.query<{ bucket: string; pence: number; method: string | null }>(
        `SELECT ${bucket(at)} AS bucket, amount_pence::float8 AS pence, ${table === 'payments' ? 'method' : 'NULL'} AS method
           FROM ${table} WHERE ${within(at)} ${extra}`,
        [period.from, period.to],
      )
    ).rows;
  const charged = await money('service_request_fees', 'created_at');
  const remitted = await money('remissions', 'created_at');
  const collected = await money('payments', 'received_at');
  const refunded = await money('refunds', 'updated_at', `AND status = 'paid' AND kind = 'refund'`);
  const pence = (rows: { pence: number }[], start?: string) =>
    sum(rows.filter((r) => !start || (r as { bucket?: string }).bucket === start).map((r) => Number(r.pence)));
  return {
    chargedPence: pence(charged),
    remittedPence: pence(remitted),
    collectedPence: pence(collected),
    refundedPence: pence(refunded),
    payments: collected.length,
    byMethod: breakdown(
      collected,
      (r) => r.method,
      'method',
      (of) => ({ payments: of.length, collectedPence: pence(of) }),
    ),
    periods: weekStarts(period).map((start) => ({
      start,
      chargedPence: pence(charged, start),
      remittedPence: pence(remitted, start),
      collectedPence: pence(collected, start),
      refundedPence: pence(refunded, start),
    })),
  };
}

/**
 * Fines: accounts opened; impositions recorded (imposed); payments applied, less those taken back, each when it
 * happened (collected); write-offs approved (written off); collected over imposed as a percentage.
 */
async function finesFromTables(db: Client, period: Period) {
  const flows = await db.query<{ unit: string; kind: string; bucket: string; pence: number }>(
    `SELECT a.business_unit AS unit, 'imposed' AS kind, ${bucket('i.imposed_at')} AS bucket, i.amount_pence::float8 AS pence
       FROM fine_impositions i JOIN fine_accounts a ON a.id = i.account_id WHERE ${within('i.imposed_at')}
     UNION ALL
     SELECT a.business_unit, 'collected', ${bucket('p.applied_at')}, p.amount_pence::float8
       FROM fine_payments p JOIN fine_accounts a ON a.id = p.account_id WHERE ${within('p.applied_at')}
     UNION ALL
     SELECT a.business_unit, 'collected', ${bucket('p.reversed_at')}, -p.amount_pence::float8
       FROM fine_payments p JOIN fine_accounts a ON a.id = p.account_id WHERE ${within('p.reversed_at')}
     UNION ALL
     SELECT a.business_unit, 'writtenOff', ${bucket('w.decided_at')}, w.amount_pence::float8
       FROM write_offs w JOIN fine_accounts a ON a.id = w.account_id
      WHERE w.status = 'approved' AND ${within('w.decided_at')}`,
    [period.from, period.to],
  );
  const opened = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM fine_accounts WHERE ${within('opened_at')}`,
    [period.from, period.to],
  );
  const money = (of: typeof flows.rows) => {
    const of_ = (kind: string) => sum(of.filter((r) => r.kind === kind).map((r) => Number(r.pence)));
    return { imposedPence: of_('imposed'), collectedPence: of_('collected'), writtenOffPence: of_('writtenOff') };
  };
  const totals = money(flows.rows);
  return {
    accountsOpened: opened.rows[0]!.n,
    ...totals,
    collectionRatePercent: percent(totals.collectedPence, totals.imposedPence),
    byBusinessUnit: breakdown(flows.rows, (r) => r.unit, 'businessUnit', money),
    periods: perWeek(period, flows.rows, (r) => [r.bucket], money),
  };
}

// ───────────── comparing ─────────────

const isZero = (value: unknown) => value === 0 || value === null;

/** Every difference between what the tables say and what the API said, one line each, naming the figure. */
function differences(expected: unknown, actual: unknown, path: string): string[] {
  if (Array.isArray(expected)) {
    const keyName = ROW_KEYS[path.split('.').pop() ?? ''];
    if (!Array.isArray(actual)) return [`${path}: expected a list, got ${JSON.stringify(actual)}`];
    if (!keyName) return [`${path}: no key for its rows`];
    const found: string[] = [];
    if (keyName === 'start') {
      const starts = (actual as Loose[]).map((r) => r.start);
      const wanted = (expected as Loose[]).map((r) => r.start);
      if (JSON.stringify(starts) !== JSON.stringify(wanted))
        found.push(`${path}: bucket starts expected ${JSON.stringify(wanted)}, actual ${JSON.stringify(starts)}`);
    }
    const actualRows = new Map((actual as Loose[]).map((r) => [String(r[keyName]), r]));
    for (const row of expected as Loose[]) {
      const key = String(row[keyName]);
      const other = actualRows.get(key);
      if (!other) {
        found.push(`${path}[${key}]: expected ${JSON.stringify(row)}, actual no such row`);
        continue;
      }
      actualRows.delete(key);
      found.push(...differences(row, other, `${path}[${key}]`));
    }
    // A row the tables have no activity for is only wrong if it shows some.
    for (const [key, row] of actualRows)
      if (!Object.entries(row).every(([field, value]) => field === keyName || isZero(value)))
        found.push(`${path}[${key}]: expected no such row (no activity), actual ${JSON.stringify(row)}`);
    return found;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object')
      return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([field, value]) =>
      differences(value, (actual as Loose)[field], path ? `${path}.${field}` : field),
    );
  }
  if (typeof expected === 'number' && typeof actual === 'number') {
    // Ratios may be rounded (to two places at most); counts and pence must be exact.
    const tolerance = Number.isInteger(expected) && Number.isInteger(actual) ? 0 : 0.006;
    return Math.abs(expected - actual) <= tolerance ? [] : [`${path}: expected ${expected}, actual ${actual}`];
  }
  return expected === actual ? [] : [`${path}: expected ${JSON.stringify(expected)}, actual ${JSON.stringify(actual)}`];
}

// ───────────── talking to the platform ─────────────

interface Response {
  status: number;
  body: Loose | undefined;
  text: string;
}

describe('management information across the five services, through the gateway', () => {
  let platform: RunningPlatform;
  const db = {} as Record<'cases' | 'queries' | 'complaints' | 'payments' | 'enforcement', Client>;
  let who: Record<
    | 'caseworker'
    | 'teamLeader'
    | 'judge'
    | 'financeAnn'
    | 'financeBob'
    | 'firm'
    | 'citizen'
    | 'complaints'
    | 'enforcement'
    | 'agent',
    string
  >;
  /** Sections the supergraph has, and why each missing one is missing. */
  const present: SectionName[] = [];
  const missing: Partial<Record<SectionName, string>> = {};
  /** What went wrong seeding each section's activity (the test of that section fails with it). */
  const seedFailures: Partial<Record<SectionName, string[]>> = {};
  let outcome:
    | {
        period: Period;
        data: Loose | undefined;
        errors: Loose[];
        expected: Partial<Record<SectionName, unknown>>;
        stable: boolean;
        attempts: number;
      }
    | undefined;

  const call = async (token: string, method: string, path: string, body?: unknown): Promise<Response> => {
    const res = await fetch(`${platform.gatewayUrl}${path}`, {
      method,
      headers: { authorization: token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: Loose | undefined;
    try {
      parsed = text ? (JSON.parse(text) as Loose) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text };
  };
  /** A seeding step that must succeed. */
  const ok = async (token: string, method: string, path: string, body?: unknown): Promise<Loose> => {
    const res = await call(token, method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 500)}`);
    return res.body ?? {};
  };
  const gqlData = async (token: string, query: string, variables: Record<string, unknown>): Promise<Loose> => {
    const { body } = await sendUntypedGraphQL(platform.gatewayUrl, query, variables, token);
    if (body.errors?.length || !body.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  /** Runs one section's seeding step, noting a failure against the sections it feeds rather than stopping. */
  const step = async <T>(sections: SectionName[], name: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      for (const s of sections)
        (seedFailures[s] ??= []).push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };

  // ───────────── seeding, through the public API ─────────────

  const createCase = async (caseType: string, parties: Loose[]) => {
    const created = await ok(who.caseworker, 'POST', '/api/v1/cases', { caseType, parties });
    const partyOf = (role: string) => (created.parties as Loose[]).find((p) => p.role === role)?.id as string;
    return { id: created.id as string, partyOf };
  };
  const trigger = (caseId: string, event: string) =>
    ok(who.caseworker, 'POST', `/api/v1/cases/${caseId}/events`, { event, reason: 'management information seed' });
  const serviceRequest = (caseId: string) =>
    eventually(() => ok(who.financeAnn, 'GET', `/api/v1/payments/cases/${caseId}/service-request`), 30_000);
  const readyToIssue = (caseId: string) =>
    eventually(async () => {
      const { case: found } = await gqlData(
        who.caseworker,
        'query MiReadyToIssue($id: ID!) { case(id: $id) { readiness(event: "issue") { ready } } }',
        { id: caseId },
      );
      if (!found.readiness.ready) throw new Error(`case ${caseId} is not ready to issue`);
    }, 30_000);
  const claim = (claimant: Loose = {}) =>
    createCase('civil-money-claim', [
      { role: 'claimant', kind: 'person', name: 'Mia Claimant', representedBy: 'org-mi-firm', ...claimant },
      { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
    ]);
  const divorce = () =>
    createCase('divorce', [
      { role: 'applicant', kind: 'person', name: 'Dee Applicant', representedBy: 'org-mi-firm' },
      { role: 'respondent', kind: 'person', name: 'Ray Respondent' },
    ]);
  const payByAccount = (caseId: string, amountPence?: number) =>
    eventually(
      () =>
        ok(who.firm, 'POST', `/api/v1/payments/cases/${caseId}/payments-by-account`, {
          accountNumber: 'PBA0024024',
          ...(amountPence ? { amountPence } : {}),
        }),
      30_000,
    );
  /** A cheque with no usable reference, allocated by one finance officer and verified by another. */
  const cheque = async (amountPence: number, target: Loose) => {
    const payment = await ok(who.financeAnn, 'POST', '/api/v1/payments/bulk-scan-payments', {
      method: 'cheque',
      amountPence,
      reference: 'no usable reference',
    });
    const allocation = await ok(who.financeAnn, 'POST', `/api/v1/payments/payments/${payment.id}/allocations`, target);
    await ok(who.financeBob, 'POST', `/api/v1/payments/allocations/${allocation.id}/verification`, { approve: true });
    return payment.id as string;
  };

  /** Sets one case's history (and creation) to the given times: the SQL backdating the API cannot do. */
  const backdateCase = async (caseId: string, created: Date, events: Record<string, Date>) => {
    await db.cases.query(`UPDATE cases SET created_at = $2, updated_at = greatest(updated_at, $2) WHERE id = $1`, [
      caseId,
      created,
    ]);
    for (const [event, at] of Object.entries(events)) {
      const { rowCount } = await db.cases.query(`UPDATE case_history SET at = $3 WHERE case_id = $1 AND event = $2`, [
        caseId,
        event,
        at,
      ]);
      if (rowCount !== 1) throw new Error(`case ${caseId} has ${rowCount} ${event} rows in its history`);
    }
  };

  // Cases and the money for them. The cases' history is backdated (SQL, in the cases database) to spread it over
  // the weeks; nothing in payments is: its ledger refuses any UPDATE, so its figures all fall in the current week.
  async function seedCasesAndFees(): Promise<void> {
    const caseSections: SectionName[] = ['cases', 'fees', 'complaints'];
    await step(['fees', 'cases'], 'open the firm account', () =>
      ok(who.financeAnn, 'POST', '/api/v1/payments/accounts', {
        accountNumber: 'PBA0024024',
        organisationId: 'org-mi-firm',
        name: 'MI Law LLP',
        creditLimitPence: 10_000_000,
      }).then(() =>
        // Its credit granted by a second person.
        ok(who.financeBob, 'POST', '/api/v1/payments/accounts/PBA0024024/credit-limit/decision', {
          approve: true,
          creditLimitPence: 10_000_000,
        }),
      ),
    );

    // MC1: paid from the firm's account; created and submitted 20 days ago, issued 18 days ago (2 days to issue).
    await step(caseSections, 'MC1', async () => {
      const mc = await claim();
      await trigger(mc.id, 'submit');
      await serviceRequest(mc.id);
      await payByAccount(mc.id);
      await readyToIssue(mc.id);
      await trigger(mc.id, 'issue');
      await backdateCase(mc.id, daysAgo(20), { submit: daysAgo(20), issue: daysAgo(18) });
    });
    // MC2: overpaid from the firm's account (refunded below); 12 days ago, issued 8 days ago, served 7 days ago.
    const mc2 = await step(caseSections, 'MC2', async () => {
      const mc = await claim();
      await trigger(mc.id, 'submit');
      await serviceRequest(mc.id);
      await payByAccount(mc.id, 5_000);
      await readyToIssue(mc.id);
      await trigger(mc.id, 'issue');
      await trigger(mc.id, 'serve');
      await backdateCase(mc.id, daysAgo(12), { submit: daysAgo(12), issue: daysAgo(8), serve: daysAgo(7) });
      return mc;
    });
    // MC3: the claimant's Help with Fees remits the fee in full; 10 days ago, issued yesterday (9 days).
    await step(caseSections, 'MC3 (Help with Fees)', async () => {
      const mc = await claim({ userId: 'mi-citizen-cat', representedBy: undefined });
      await trigger(mc.id, 'submit');
      await serviceRequest(mc.id);
      let application = await eventually(
        () =>
          ok(who.citizen, 'POST', '/api/v1/payments/help-with-fees/applications', {
            caseId: mc.id,
            feeCode: 'FEE0202',
            applicant: { monthlyIncomePence: 100_000, couple: false, childrenAges: [], savingsPence: 0, age: 40 },
          }),
        30_000,
      );
      for (let i = 0; i < 3 && application.status !== 'decided'; i++) {
        application =
          application.status === 'awaiting-evidence'
            ? await ok(
                who.financeAnn,
                'POST',
                `/api/v1/payments/help-with-fees/applications/${application.id}/evidence-check`,
                {
                  passed: true,
                },
              )
            : await ok(
                who.financeAnn,
                'POST',
                `/api/v1/payments/help-with-fees/applications/${application.id}/decision`,
                {
                  grant: true,
                },
              );
      }
      await readyToIssue(mc.id);
      await trigger(mc.id, 'issue');
      await backdateCase(mc.id, daysAgo(10), { submit: daysAgo(10), issue: daysAgo(1) });
    });
    // MC4: submitted 28 days ago (in the first, clipped week) and withdrawn (a closure) 15 days ago; its fee is
    // charged and never paid.
    await step(['cases', 'fees'], 'MC4 (withdrawn)', async () => {
      const mc = await claim();
      await trigger(mc.id, 'submit');
      await serviceRequest(mc.id);
      await trigger(mc.id, 'withdraw');
      await backdateCase(mc.id, daysAgo(28), { submit: daysAgo(28), withdraw: daysAgo(15) });
    });
    // MC0: created and submitted 31 days ago, the day before the period: none of its history counts.
    await step(['cases'], 'MC0 (before the period)', async () => {
      const mc = await claim();
      await trigger(mc.id, 'submit');
      await backdateCase(mc.id, daysAgo(31), { submit: daysAgo(31) });
    });
    // D1: a divorce paid by cheque; 24 days ago, issued 18 days ago (6 days).
    await step(caseSections, 'D1 (cheque)', async () => {
      const d = await divorce();
      await trigger(d.id, 'submit');
      const request = await serviceRequest(d.id);
      await cheque(request.outstandingPence as number, { target: 'service-request', caseId: d.id });
      await readyToIssue(d.id);
      await trigger(d.id, 'issue');
      await backdateCase(d.id, daysAgo(24), { submit: daysAgo(24), issue: daysAgo(18) });
    });
    // D2: a divorce paid from the firm's account; created 6 days ago, issued now (6 days).
    await step(caseSections, 'D2', async () => {
      const d = await divorce();
      await trigger(d.id, 'submit');
      await serviceRequest(d.id);
      await backdateCase(d.id, daysAgo(6), { submit: daysAgo(6) });
      await payByAccount(d.id);
      await readyToIssue(d.id);
      await trigger(d.id, 'issue');
    });

    // The refund of MC2's overpayment: asked for by one finance officer, approved by a team leader, paid by another.
    if (mc2)
      await step(['fees'], 'refund', async () => {
        const refund = await ok(who.financeAnn, 'POST', '/api/v1/payments/refunds', {
          caseId: mc2.id,
          amountPence: 1_500,
          reason: 'overpayment',
        });
        await ok(who.teamLeader, 'POST', `/api/v1/payments/refunds/${refund.id}/decision`, { decision: 'approve' });
        await ok(who.financeBob, 'POST', `/api/v1/payments/refunds/${refund.id}/payment`);
      });
  }

  async function seedFines(): Promise<void> {
    // C1: a prosecution listed 13 days ago (created 14 days ago), resulted with a fine and closed now. The fine opens
    // an account in the national business unit; a cheque through payments pays part of it.
    await step(['cases', 'fines', 'fees'], 'C1 (fined)', async () => {
      const c = await createCase('criminal-prosecution', [
        { role: 'applicant', kind: 'organisation', name: 'Crown Prosecution Service' },
        { role: 'defendant', kind: 'person', name: 'Jo Bloggs' },
      ]);
      await trigger(c.id, 'list');
      await ok(who.judge, 'POST', `/api/v1/cases/${c.id}/results`, {
        defendantPartyId: c.partyOf('defendant'),
        outcome: 'Guilty plea: fined',
        impositions: [{ kind: 'fine', amountPence: 40_000, creditor: 'central-funds' }],
      });
      await trigger(c.id, 'close');
      await backdateCase(c.id, daysAgo(14), { list: daysAgo(13) });
      const account = await eventually(async () => {
        const { case: found } = await gqlData(
          who.caseworker,
          'query MiFineAccountOf($id: ID!) { case(id: $id) { fineAccounts { id accountNumber } } }',
          { id: c.id },
        );
        if (found.fineAccounts.length !== 1) throw new Error('no fine account yet');
        return found.fineAccounts[0] as { id: string; accountNumber: string };
      }, 30_000);
      await eventually(
        () => ok(who.financeAnn, 'GET', `/api/v1/payments/fine-accounts/${account.accountNumber}`),
        30_000,
      );
      await cheque(10_000, { target: 'fine-account', fineAccountNumber: account.accountNumber });
      await eventually(async () => {
        const found = await ok(who.enforcement, 'GET', `/api/v1/enforcement/accounts/${account.id}`);
        if (found.paidPence !== 10_000) throw new Error(`paid ${found.paidPence} so far`);
      }, 30_000);
    });
    // F2: a fixed penalty in another business unit, opened 16 days ago; 2,000 written off 15 days ago (asked for by
    // an officer, approved by a team leader); an enforcement agent's warrant collects 3,000 now.
    await step(['fines'], 'F2 (fixed penalty)', async () => {
      const account = await ok(who.enforcement, 'POST', '/api/v1/enforcement/fixed-penalties', {
        penaltyReference: `FPMI${Date.now().toString(36).toUpperCase()}`,
        businessUnit: 'BU-MI-NORTH',
        amountPence: 10_000,
      });
      const writeOff = await ok(who.enforcement, 'POST', `/api/v1/enforcement/accounts/${account.id}/write-offs`, {
        amountPence: 2_000,
        reason: 'hardship',
      });
      await ok(who.teamLeader, 'POST', `/api/v1/enforcement/write-offs/${writeOff.id}/decision`, { approve: true });
      await db.enforcement.query(`UPDATE fine_accounts SET opened_at = $2 WHERE id = $1`, [account.id, daysAgo(16)]);
      await db.enforcement.query(`UPDATE fine_impositions SET imposed_at = $2 WHERE account_id = $1`, [
        account.id,
        daysAgo(16),
      ]);
      await db.enforcement.query(`UPDATE write_offs SET requested_at = $2, decided_at = $2 WHERE id = $1`, [
        writeOff.id,
        daysAgo(15),
      ]);
      await ok(who.enforcement, 'POST', `/api/v1/enforcement/accounts/${account.id}/actions`, {
        action: 'further-steps-notice',
      });
      const { warrantId } = await ok(who.enforcement, 'POST', `/api/v1/enforcement/accounts/${account.id}/actions`, {
        action: 'warrant-of-control',
      });
      await ok(who.enforcement, 'POST', `/api/v1/enforcement/warrants/${warrantId}/outcome`, {
        status: 'with-agent',
        agent: 'mi-agent',
      });
      await ok(who.agent, 'POST', `/api/v1/enforcement/warrants/${warrantId}/outcome`, {
        status: 'executed',
        collectedPence: 3_000,
      });
    });
    // F0: a fixed penalty opened 31 days ago, the day before the period.
    await step(['fines'], 'F0 (before the period)', async () => {
      const account = await ok(who.enforcement, 'POST', '/api/v1/enforcement/fixed-penalties', {
        penaltyReference: `FPMIOLD${Date.now().toString(36).toUpperCase()}`,
        businessUnit: 'BU-MI-NORTH',
        amountPence: 7_000,
      });
      await db.enforcement.query(`UPDATE fine_accounts SET opened_at = $2 WHERE id = $1`, [account.id, daysAgo(31)]);
      await db.enforcement.query(`UPDATE fine_impositions SET imposed_at = $2 WHERE account_id = $1`, [
        account.id,
        daysAgo(31),
      ]);
    });
  }

  async function seedEnquiries(): Promise<void> {
    const raise = (channel: string, receivedDaysAgo?: number, category?: string) =>
      ok(who.caseworker, 'POST', '/api/v1/queries/enquiries', {
        channel,
        subject: `MI ${channel} enquiry`,
        message: 'When will my claim be issued?',
        contact: { name: 'Pat Caller' },
        ...(category ? { category } : {}),
        ...(receivedDaysAgo ? { receivedAt: daysAgo(receivedDaysAgo).toISOString() } : {}),
      });
    const reply = (id: string) =>
      ok(who.caseworker, 'POST', `/api/v1/queries/enquiries/${id}/messages`, {
        body: 'It will be issued this week.',
        direction: 'outbound',
      });
    const resolve = (id: string) =>
      ok(who.caseworker, 'POST', `/api/v1/queries/enquiries/${id}/status`, { status: 'resolved' });
    await step(['enquiries'], 'enquiries', async () => {
      // Answered now, at once, with one reply: within SLA, resolved at first contact.
      for (const channel of ['telephone', 'email']) {
        const { id } = await raise(channel);
        await reply(id);
        await resolve(id);
      }
      // Answered now with two replies: within SLA, not resolved at first contact.
      const twice = await raise('telephone');
      await reply(twice.id);
      await reply(twice.id);
      await resolve(twice.id);
      // Received 25 days ago and only answered now: late on every clock.
      const late = await raise('email', 25);
      await reply(late.id);
      await resolve(late.id);
      // Received in earlier weeks and not answered yet.
      await raise('telephone', 10);
      await raise('email', 28);
      // Received 31 days ago, the day before the period, and not answered.
      await raise('email', 31);
    });
  }

  async function seedComplaints(): Promise<void> {
    const open = (receivedDaysAgo?: number) =>
      ok(who.complaints, 'POST', '/api/v1/complaints', {
        complainantType: 'public',
        complainantName: 'Pat Public',
        origin: 'telephone',
        category: 'delay',
        ...(receivedDaysAgo ? { receivedAt: daysAgo(receivedDaysAgo).toISOString() } : {}),
      });
    const answer = async (id: string, outcome: string) => {
      await ok(who.complaints, 'POST', `/api/v1/complaints/${id}/acknowledgement`, {});
      await ok(who.complaints, 'POST', `/api/v1/complaints/${id}/investigation`, {});
      await ok(who.complaints, 'POST', `/api/v1/complaints/${id}/response-draft`, { text: 'We are sorry.' });
      await ok(who.complaints, 'POST', `/api/v1/complaints/${id}/response`, { outcome });
    };
    const close = (id: string, businessArea: string, causeCategory: string) =>
      ok(who.complaints, 'POST', `/api/v1/complaints/${id}/closure`, { businessArea, causeCategory });
    await step(['complaints'], 'complaints', async () => {
      // Received 28 days ago, answered now (late), upheld, closed.
      const k1 = await open(28);
      await answer(k1.id, 'upheld');
      await close(k1.id, 'civil-listing', 'process-failure');
      // Received now, answered on time, not upheld, closed.
      const k2 = await open();
      await answer(k2.id, 'not-upheld');
      await close(k2.id, 'fees-office', 'communication');
      // Received 9 days ago, partially upheld, closed.
      const k3 = await open(9);
      await answer(k3.id, 'partially-upheld');
      await close(k3.id, 'civil-listing', 'staff-error');
      // Received 3 days ago, only acknowledged.
      const k4 = await open(3);
      await ok(who.complaints, 'POST', `/api/v1/complaints/${k4.id}/acknowledgement`, {});
      // Received 31 days ago (the day before the period), answered now and left open.
      const k5 = await open(31);
      await answer(k5.id, 'not-upheld');
    });
  }

  // ───────────── the figures, compared until stable ─────────────

  async function expectedFigures(period: Period): Promise<Partial<Record<SectionName, unknown>>> {
    const cases = await casesFromTables(db.cases, period);
    return {
      cases,
      enquiries: await enquiriesFromTables(db.queries, period),
      complaints: await complaintsFromTables(db.complaints, period, cases.issued),
      fees: await feesFromTables(db.payments, period),
      fines: await finesFromTables(db.enforcement, period),
    };
  }

  const sectionDifferences = (section: SectionName) => {
    if (!outcome) return ['the comparison never ran'];
    const errors = outcome.errors.filter((e) => !e.path || e.path.includes(section));
    return [
      ...errors.map((e) => `GraphQL error ${e.extensions?.code ?? ''}: ${e.message} at ${JSON.stringify(e.path)}`),
      ...differences(outcome.expected[section], outcome.data?.managementInformation?.[section], section),
    ];
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    for (const name of ['cases', 'queries', 'complaints', 'payments', 'enforcement'] as const) {
      db[name] = new Client({ connectionString: platform.services[name]!.databaseUrl });
      await db[name].connect();
    }
    const [caseworker, teamLeader, judge, financeAnn, financeBob, firm, citizen, complaints, enforcement, agent] =
      await Promise.all([
        bearer('caseworker', { sub: 'mi-caseworker' }),
        bearer('team-leader', { sub: 'mi-team-leader' }),
        bearer('judiciary', { sub: 'mi-judge' }),
        bearer('finance-officer', { sub: 'mi-finance-ann' }),
        bearer('finance-officer', { sub: 'mi-finance-bob' }),
        bearer('professional', { org: 'org-mi-firm', sub: 'mi-solicitor' }),
        bearer('citizen', { sub: 'mi-citizen-cat' }),
        bearer('complaints-officer', { sub: 'mi-complaints-officer' }),
        bearer('enforcement-officer', { sub: 'mi-enforcement-eve' }),
        bearer('enforcement-agent', { sub: 'mi-agent-ali', org: 'mi-agent' }),
      ]);
    who = { caseworker, teamLeader, judge, financeAnn, financeBob, firm, citizen, complaints, enforcement, agent };

    for (const section of SECTION_NAMES) {
      try {
        assertOperationInContract(parse(miQuery([section])));
        present.push(section);
      } catch (error) {
        missing[section] = error instanceof Error ? error.message : String(error);
      }
    }

    await seedCasesAndFees();
    await seedFines();
    await seedEnquiries();
    await seedComplaints();

    // ONE query of every section the supergraph has, compared with the tables until the tables are still and agree.
    const deadline = Date.now() + 60_000;
    for (let attempts = 1; ; attempts++) {
      const period = monthToToday();
      const before = await expectedFigures(period);
      const { body } = present.length
        ? await sendUntypedGraphQL(platform.gatewayUrl, miQuery(present), period, who.teamLeader)
        : { body: {} as Loose };
      const expected = await expectedFigures(period);
      const stable = JSON.stringify(before) === JSON.stringify(expected);
      outcome = { period, data: body.data, errors: body.errors ?? [], expected, stable, attempts };
      const agree = present.every((s) => sectionDifferences(s).length === 0);
      if ((stable && agree) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }, 600_000);

  afterAll(async () => {
    await Promise.all(Object.values(db).map((client) => client.end().catch(() => undefined)));
    await platform?.stop();
  });

  it('answers the question it was asked: the period, the granularity and the question as the id', () => {
    expect(present.length).toBeGreaterThan(0);
    const { period, data } = outcome!;
    expect(data?.managementInformation).toMatchObject({
      id: `${period.from}..${period.to}/week`,
      from: period.from,
      to: period.to,
      granularity: 'WEEK',
    });
  });

  it.each(SECTION_NAMES)("has the %s section's every figure equal to the counts in its service's tables", (section) => {
    expect(missing[section] ?? 'in the supergraph').toBe('in the supergraph');
    expect(seedFailures[section] ?? []).toEqual([]);
    expect(outcome?.stable).toBe(true);
    expect(sectionDifferences(section)).toEqual([]);
  });

  it('seeded what it meant to: the tables hold activity in every section, in more than one week', () => {
    const expected = outcome!.expected as Loose;
    expect(expected.cases).toMatchObject({ issued: 5, closed: 2, medianDaysToIssue: 6 });
    expect(expected.cases.byCaseType.map((r: Loose) => r.caseType)).toEqual([
      'civil-money-claim',
      'criminal-prosecution',
      'divorce',
    ]);
    expect(expected.complaints).toMatchObject({
      received: 4,
      answered: 4,
      closed: 3,
      upheld: 2,
      perThousandCases: 800,
    });
    expect(expected.enquiries).toMatchObject({
      received: 6,
      answered: 4,
      answeredWithinSla: 3,
      firstContactResolved: 3,
    });
    expect(expected.fees.byMethod.map((r: Loose) => r.method)).toEqual(['cheque', 'payment-by-account']);
    expect(expected.fees).toMatchObject({ payments: 5, refundedPence: 1_500 });
    expect(expected.fines).toMatchObject({
      accountsOpened: 2,
      imposedPence: 50_000,
      collectedPence: 13_000,
      writtenOffPence: 2_000,
    });
    for (const section of ['cases', 'fines'])
      expect(
        (expected[section].periods as Loose[]).filter((p) => Object.values(p).some((v) => typeof v === 'number' && v))
          .length,
      ).toBeGreaterThan(1);
  });

  it('refuses anyone but a team leader (FORBIDDEN), and a caseworker sees no figure', async () => {
    const period = monthToToday();
    const { status, body } = await sendUntypedGraphQL(
      platform.gatewayUrl,
      miQuery(present.length ? present : ['cases']),
      period,
      who.caseworker,
    );
    expect(status).toBeLessThan(500);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.data?.managementInformation ?? null).toBeNull();
  });

  it.each([
    ['to before from', { from: '2026-11-30', to: '2026-11-01', granularity: 'WEEK' }],
    ['a span of four years', { from: '2022-01-01', to: '2025-12-31', granularity: 'MONTH' }],
    ['a malformed date', { from: '2026-13-01', to: '2026-12-31', granularity: 'WEEK' }],
    ['a date in another format', { from: '01/11/2026', to: '2026-11-30', granularity: 'WEEK' }],
    ['a granularity that is not one', { from: '2026-11-01', to: '2026-11-30', granularity: 'YEAR' }],
  ])('refuses %s with BAD_USER_INPUT, not a failure', async (_, variables) => {
    const query = `query MiBadPeriod($from: String!, $to: String!, $granularity: ManagementInformationGranularity) {
      managementInformation(from: $from, to: $to, granularity: $granularity) { id cases { issued } }
    }`;
    const { status, body } = await sendUntypedGraphQL(platform.gatewayUrl, query, variables, who.teamLeader);
    expect(status).toBeLessThan(500);
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors!.map((e) => e.extensions?.code)).toEqual(body.errors!.map(() => 'BAD_USER_INPUT'));
  });

  // The CSV of each section through the gateway's REST routing: its `total` rows are the GraphQL section's totals.
  const CSV_SERVICES: Record<SectionName, string> = {
    cases: 'cases',
    enquiries: 'queries',
    complaints: 'complaints',
    fees: 'payments',
    fines: 'enforcement',
  };
  /** The totals every export must carry (derived ratios, which a section may leave to the reader, are checked when present). */
  const CSV_REQUIRED: Record<SectionName, string[]> = {
    cases: ['issued', 'progressed', 'closed'],
    enquiries: ['received', 'answered', 'answeredWithinSla', 'firstContactResolved'],
    complaints: ['received', 'answered', 'answeredOnTime', 'closed', 'upheld'],
    fees: ['chargedPence', 'remittedPence', 'collectedPence', 'refundedPence', 'payments'],
    fines: ['accountsOpened', 'imposedPence', 'collectedPence', 'writtenOffPence'],
  };
  const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

  it.each(SECTION_NAMES)('exports the %s section as CSV whose totals are the GraphQL figures', async (section) => {
    const { period, data } = outcome!;
    const figures = data?.managementInformation?.[section] as Loose | undefined;
    expect(figures).toBeDefined();
    const path = `/api/v1/${CSV_SERVICES[section]}/management-information?from=${period.from}&to=${period.to}&granularity=week`;
    const res = await call(who.teamLeader, 'GET', path);
    expect([res.status, res.text.slice(0, 300)]).toEqual([200, expect.any(String)]);
    const [header, ...lines] = res.text.trim().split(/\r?\n/);
    expect(header).toBe('section,from,to,granularity,bucket,measure,dimension,value');
    const totals = new Map(
      lines
        .map((line) => line.split(','))
        .filter(([s, , , , bucketOf, , dimension]) => s === section && bucketOf === 'total' && dimension === '')
        .map(([, , , , , measure, , value]) => [measure, Number(value)]),
    );
    const mismatches: string[] = [];
    for (const [field, value] of Object.entries(figures!)) {
      if (typeof value !== 'number') continue;
      const measure = snake(field);
      if (!totals.has(measure)) {
        if (CSV_REQUIRED[section].includes(field)) mismatches.push(`${measure}: no total row`);
        continue;
      }
      if (Math.abs(totals.get(measure)! - value) > 0.006)
        mismatches.push(`${measure}: GraphQL ${value}, CSV ${totals.get(measure)}`);
    }
    expect(mismatches).toEqual([]);
    // And the same refusals as the query.
    expect((await call(who.caseworker, 'GET', path)).status).toBe(403);
    const bad = await call(
      who.teamLeader,
      'GET',
      `/api/v1/${CSV_SERVICES[section]}/management-information?from=2026-11-30&to=2026-11-01`,
    );
    expect(bad.status).toBe(400);
  });
});
