import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { extractText, getDocumentProxy } from 'unpdf';
import { addDays, londonLocalDate } from '@ccsc/calendar';
import {
  caseResultedV1,
  enforcementCorrespondenceRequestedV1,
  type CorrespondenceRequestedV1,
  type EventEnvelope,
  type EventType,
} from '@ccsc/contracts';
import type { SandboxNotificationSender } from '@ccsc/correspondence';
import { bearer, eventEnvelope, eventually } from '@ccsc/testing';
import { CorrespondenceDispatcher, NOTIFICATION_SENDER } from '@ccsc/correspondence/outbox';
import { graphql, graphqlData } from './graphql-client';
import { RunningPlatform, startTestPlatform } from './platform';

const CASE_CORRESPONDENCE = graphql(`
  query CaseCorrespondence($id: ID!) {
    case(id: $id) {
      correspondence {
        id
        template
        language
        status
      }
    }
  }
`);

const FURTHER_STEPS = 'enforcement.further-steps-notice';
const REQUESTED = 'enforcement.correspondence-requested.v1';

/** An event written to a service's outbox as its own unit of work writes it, for its relay to publish. */
async function announce<T extends object>(db: DataSource, type: EventType<T>, subject: string, data: T) {
  // The subject is the message key, as the relay keys every event by its aggregate.
  const envelope = eventEnvelope(type, subject, data);
  await db.query('INSERT INTO outbox (id, topic, message_key, type, envelope) VALUES ($1, $2, $3, $4, $5)', [
    envelope.id,
    type.topic,
    subject,
    type.type,
    JSON.stringify(envelope),
  ]);
}

interface Item {
  id: string;
  partyId: string;
  template: string;
  language: string;
  channel?: string;
  status: string;
  about?: string;
}

describe('a defaulted fine account: a further-steps notice in Welsh, produced once, through the gateway', () => {
  let platform: RunningPlatform;
  let caseworker: string;
  let officer: string;
  let prosecutorsFirm: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ services: ['enforcement'] });
    [caseworker, officer, prosecutorsFirm] = await Promise.all([
      bearer('caseworker'),
      bearer('enforcement-officer', { sub: 'officer-correspondence' }),
      bearer('professional', { org: 'org-crown-solicitors', sub: 'solicitor-crown' }),
    ]);
  });
  afterAll(() => platform.stop());

  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${platform.gatewayUrl}${path}`, {
      method,
      headers: { authorization: token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return res;
  };
  const ok = async <T>(token: string, method: string, path: string, body?: unknown): Promise<T> => {
    const res = await call(token, method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const enforcementDb = () => platform.services.enforcement!.app.get(DataSource);

  it('records and sends the notice once, in Welsh, with the account and the amount in pounds, shown to staff only', async () => {
    // A prosecution whose defendant prefers Welsh and has an address in Swansea.
    const created = await ok<{ id: string; reference: string; parties: { id: string; role: string }[] }>(
      caseworker,
      'POST',
      '/api/v1/cases',
      {
        caseType: 'criminal-prosecution',
        parties: [
          {
            role: 'applicant',
            kind: 'organisation',
            name: 'Crown Prosecution Service',
            representedBy: 'org-crown-solicitors',
          },
          {
            role: 'defendant',
            kind: 'person',
            name: 'Siân Llŷr',
            preferredLanguage: 'cy',
            addressLines: ['12 Heol Gŵyr', 'Abertawe'],
            postcode: 'SA1 4DN',
          },
        ],
      },
    );
    const caseId = created.id;
    const defendant = created.parties.find((p) => p.role === 'defendant')!.id;

    // Resulted with a £150 fine long enough ago that its terms (everything within 28 days) have run out.
    // The result is announced through cases' outbox as cases announces it, dated then: a result cannot be
    // backdated through the API, and the default run takes no day to come.
    const today = londonLocalDate(new Date());
    const resultedOn = addDays(today, -90);
    await announce(platform.cases.get(DataSource), caseResultedV1, caseId, {
      caseId,
      // Events carry the 16 digits; the API shows them with dashes.
      reference: created.reference.replace(/\D/g, ''),
      resultId: randomUUID(),
      defendantPartyId: defendant,
      outcome: 'Guilty plea: fined',
      impositions: [{ kind: 'fine', amountPence: 15_000, creditor: 'central-funds' }],
      resultedAt: `${resultedOn}T10:00:00Z`,
    });
    const accountNumber = await eventually(async () => {
      const [row] = (await enforcementDb().query('SELECT account_number FROM fine_accounts WHERE case_id = $1', [
        caseId,
      ])) as { account_number: string }[];
      if (!row) throw new Error('no fine account yet');
      return row.account_number;
    }, 30_000);

    // The default run on a day the account is in default, then 14 days on (the further-steps step), each twice.
    const defaultsOn = addDays(resultedOn, 40);
    const furtherStepsOn = addDays(defaultsOn, 14);
    for (const runOn of [defaultsOn, defaultsOn, furtherStepsOn, furtherStepsOn])
      await ok(officer, 'POST', '/api/v1/enforcement/default-runs', { runOn });

    const itemsOf = (token: string) => ok<Item[]>(token, 'GET', `/api/v1/cases/${caseId}/correspondence`);
    const notice = await eventually(async () => {
      const found = (await itemsOf(caseworker)).filter((i) => i.template === FURTHER_STEPS);
      expect(found).toHaveLength(1);
      return found[0]!;
    }, 30_000);
    expect(notice).toMatchObject({ partyId: defendant, language: 'cy', channel: 'letter', about: accountNumber });

    // The relay repeated: enforcement's requests published again, and one sent again under a new event id.
    const db = enforcementDb();
    const requests = (await db.query(
      `SELECT envelope FROM outbox WHERE type = $1 AND envelope->'data'->>'caseId' = $2`,
      [REQUESTED, caseId],
    )) as { envelope: EventEnvelope<CorrespondenceRequestedV1> }[];
    expect(requests.length).toBeGreaterThanOrEqual(1);
    await db.query(`UPDATE outbox SET published_at = NULL WHERE type = $1 AND envelope->'data'->>'caseId' = $2`, [
      REQUESTED,
      caseId,
    ]);
    await eventually(async () => {
      const [{ n }] = (await db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE type = $1 AND envelope->'data'->>'caseId' = $2 AND published_at IS NULL`,
        [REQUESTED, caseId],
      )) as [{ n: number }];
      expect(n).toBe(0);
    });
    const further = requests.find((r) => r.envelope.data.template === FURTHER_STEPS)!;
    await announce(db, enforcementCorrespondenceRequestedV1, caseId, further.envelope.data);

    // Sent once: the dispatcher run again and again sends nothing more.
    const dispatcher = platform.cases.get(CorrespondenceDispatcher);
    const sandbox = platform.cases.get<symbol, SandboxNotificationSender>(NOTIFICATION_SENDER);
    await eventually(async () => {
      await dispatcher.run();
      expect(sandbox.sentWithReference(notice.id)).toHaveLength(1);
    }, 30_000);
    await dispatcher.run();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await dispatcher.run();
    expect(sandbox.sentWithReference(notice.id)).toHaveLength(1);
    expect((await itemsOf(caseworker)).filter((i) => i.template === FURTHER_STEPS)).toEqual([
      expect.objectContaining({ id: notice.id, status: 'delivered' }),
    ]);

    // The letter through the gateway: the very bytes sent, reading back in Welsh with the account and £150.00.
    const res = await call(caseworker, 'GET', `/api/v1/cases/correspondence/${notice.id}/letter.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    const sent = sandbox.sentWithReference(notice.id)[0]!.notification;
    expect(sent.channel === 'letter' && Buffer.from(sent.pdf).equals(pdf)).toBe(true);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain(accountNumber);
    expect(text).toContain('£150.00');
    expect(text).toContain('Siân Llŷr');
    expect(text).toMatch(/Cyfeirnod/);

    // The timeline shows it to staff, and not to the other party's firm, which reads no letter of it either.
    const timeline = (token: string) =>
      ok<{ kind: string; summary: string }[]>(token, 'GET', `/api/v1/cases/${caseId}/timeline?kind=correspondence`);
    expect(await timeline(caseworker)).toEqual(
      expect.arrayContaining([expect.objectContaining({ summary: expect.stringContaining(accountNumber) })]),
    );
    expect(await timeline(prosecutorsFirm)).toEqual([]);
    expect(await itemsOf(prosecutorsFirm)).toEqual([]);
    // The same through the gateway's GraphQL, under the same rule.
    const onCase = async (token: string) =>
      (await graphqlData(platform.gatewayUrl, CASE_CORRESPONDENCE, { id: caseId }, token)).case?.correspondence;
    expect(await onCase(caseworker)).toEqual(
      expect.arrayContaining([{ id: notice.id, template: FURTHER_STEPS, language: 'cy', status: 'delivered' }]),
    );
    expect(await onCase(prosecutorsFirm)).toEqual([]);
    expect((await call(prosecutorsFirm, 'GET', `/api/v1/cases/correspondence/${notice.id}/letter.pdf`)).status).toBe(
      404,
    );
  });
});
