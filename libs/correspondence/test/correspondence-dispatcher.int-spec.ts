import { randomUUID } from 'node:crypto';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { readConfig, serviceDataSourceOptions } from '@ccsc/platform';
import { createTestDatabase, type TestDatabase } from '@ccsc/testing';
import { GovUkNotifySender, loadTemplates, SandboxNotificationSender, type NotificationSender } from '../src';
import {
  correspondenceSettings,
  CorrespondenceDispatcher,
  CorrespondenceItemRepository,
  CorrespondenceRecorder,
  createCorrespondenceItemsTable,
  dropCorrespondenceItemsTable,
} from '../src/outbox';
import { API_KEY, EMAIL_TEMPLATE, FakeNotify, SMS_TEMPLATE } from './fake-notify';

class CorrespondenceSchema1735600000000 implements MigrationInterface {
  async up(q: QueryRunner) {
    await createCorrespondenceItemsTable(q);
  }
  async down(q: QueryRunner) {
    await dropCorrespondenceItemsTable(q);
  }
}

const RETRY_MS = 60_000;
const LEASE_MS = 300_000;
const config = readConfig(correspondenceSettings, {
  CORRESPONDENCE_RETRY_FIRST_DELAY_MS: String(RETRY_MS),
  CORRESPONDENCE_SENDING_TIMEOUT_MS: String(LEASE_MS),
});
const later = (from: Date, ms: number) => new Date(from.getTime() + ms + 1);

interface Row {
  status: string;
  provider_id: string | null;
  attempts: number;
  attempt_started_at: Date | null;
  next_attempt_at: Date | null;
  last_error: string | null;
}

describe('the correspondence dispatcher: at most one send per item (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let items: CorrespondenceItemRepository;
  let recorder: CorrespondenceRecorder;
  let now: Date;

  beforeAll(async () => {
    db = await createTestDatabase('correspondence', { entities: [], migrations: [CorrespondenceSchema1735600000000] });
    dataSource = await new DataSource(
      serviceDataSourceOptions(db.url, { entities: [], migrations: [] }, 4),
    ).initialize();
    items = new CorrespondenceItemRepository(dataSource);
    recorder = new CorrespondenceRecorder(items, loadTemplates());
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });
  beforeEach(async () => {
    // Each test starts with nothing due, at its own time.
    await dataSource.query('DELETE FROM correspondence_items');
    now = new Date();
  });

  /** An acknowledgement by text, due now. */
  const due = async (): Promise<string> => {
    const recorded = await dataSource.transaction((manager) =>
      recorder.record(
        manager,
        {
          requestId: randomUUID(),
          recordId: randomUUID(),
          recipient: { id: randomUUID(), name: 'Siân Llŷr', language: 'en', phone: '07700900123' },
          template: 'queries.enquiry-acknowledged',
          values: { enquiryReference: 'ENQ-26-000123', receivedDate: '2026-12-01', targetDate: '2026-12-15' },
          recipientNameAs: 'name',
          reference: 'ENQ-26-000123',
          source: 'queries',
        },
        now,
      ),
    );
    return recorded!.id;
  };
  const row = async (id: string): Promise<Row> =>
    ((await dataSource.query('SELECT * FROM correspondence_items WHERE id = $1', [id])) as Row[])[0]!;
  const dispatcherWith = (sender: NotificationSender) => new CorrespondenceDispatcher(items, sender, config);

  it('commits the item as sending before the call, and holds no transaction while the provider answers', async () => {
    const id = await due();
    const seen: Row[] = [];
    const sandbox = new SandboxNotificationSender();
    const watching: NotificationSender = {
      send: async (notification) => {
        // Read on another connection: the claim is committed, and the row is not locked.
        seen.push(await row(id));
        await dataSource.query('SELECT 1 FROM correspondence_items WHERE id = $1 FOR UPDATE NOWAIT', [id]);
        return sandbox.send(notification);
      },
      findByReference: (reference) => sandbox.findByReference(reference),
    };

    expect(await dispatcherWith(watching).run(now)).toBe(1);

    expect(seen).toEqual([expect.objectContaining({ status: 'sending', attempts: 1, attempt_started_at: now })]);
    expect(await row(id)).toMatchObject({ status: 'delivered', attempts: 1, next_attempt_at: null });
  });

  it('does not send again an item whose outcome could not be recorded after the provider took it: it is found by reference', async () => {
    const id = await due();
    const sandbox = new SandboxNotificationSender();
    const dispatcher = dispatcherWith(sandbox);
    const markSent = jest.spyOn(items, 'markSent').mockRejectedValueOnce(new Error('the commit failed'));

    await expect(dispatcher.run(now)).rejects.toThrow('the commit failed');
    markSent.mockRestore();
    expect(await row(id)).toMatchObject({ status: 'sending', provider_id: null });
    // Within the lease nothing happens (its dispatcher may still be at work); after it, a lookup.
    expect(await dispatcher.run(later(now, 1_000))).toBe(0);
    expect(await dispatcher.run(later(now, LEASE_MS))).toBe(1);

    const sent = sandbox.sentWithReference(id);
    expect(sent).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'delivered', provider_id: sent[0]!.providerId, attempts: 2 });
  });

  it('does not send again when the provider threw after taking the item (a bug, a dropped answer): it is looked up first', async () => {
    const id = await due();
    const sandbox = new SandboxNotificationSender();
    const flaky: NotificationSender = {
      send: async (notification) => {
        await sandbox.send(notification);
        throw new TypeError('Cannot read properties of undefined');
      },
      findByReference: (reference) => sandbox.findByReference(reference),
    };

    await dispatcherWith(flaky).run(now);
    expect(await row(id)).toMatchObject({ status: 'sending', last_error: 'TypeError' });
    await dispatcherWith(sandbox).run(later(now, RETRY_MS));

    expect(sandbox.sentWithReference(id)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'delivered', provider_id: sandbox.sent()[0]!.providerId });
  });

  describe('against a local Notify', () => {
    const notify = new FakeNotify();
    let sender: GovUkNotifySender;

    beforeAll(async () => {
      await notify.start();
      sender = new GovUkNotifySender({
        apiKey: API_KEY,
        baseUrl: notify.url,
        emailTemplateId: EMAIL_TEMPLATE,
        smsTemplateId: SMS_TEMPLATE,
        timeoutMs: 300,
      });
    });
    afterAll(() => notify.stop());
    beforeEach(() => notify.reset());

    it('does not resend after a timeout when Notify did take the request', async () => {
      const id = await due();
      notify.mishaps.push('take-then-hang');
      const dispatcher = dispatcherWith(sender);

      await dispatcher.run(now);
      expect(await row(id)).toMatchObject({ status: 'sending', last_error: 'GOV.UK Notify sms: timed out' });
      // Not looked up at once: a request still on its way at Notify gets the retry delay to land.
      expect(await dispatcher.run(later(now, 1_000))).toBe(0);
      await dispatcher.run(later(now, RETRY_MS));

      expect(notify.received).toHaveLength(1);
      expect(notify.lookups).toEqual([id]);
      expect(await row(id)).toMatchObject({ status: 'sent', provider_id: notify.taken[0]!.id, attempts: 2 });
    });

    it('resends once after a timeout when Notify did not take the request', async () => {
      const id = await due();
      notify.mishaps.push('hang');
      const dispatcher = dispatcherWith(sender);

      await dispatcher.run(now);
      expect(await row(id)).toMatchObject({ status: 'sending' });
      await dispatcher.run(later(now, RETRY_MS));
      await dispatcher.run(later(now, 10 * RETRY_MS));

      expect(notify.lookups).toEqual([id]);
      expect(notify.received).toHaveLength(2);
      expect(notify.taken).toHaveLength(1);
      expect(await row(id)).toMatchObject({ status: 'sent', provider_id: notify.taken[0]!.id, attempts: 2 });
    });

    it('does not resend after a 201 it could not read', async () => {
      const id = await due();
      notify.mishaps.push('take-unreadable');
      const dispatcher = dispatcherWith(sender);

      await dispatcher.run(now);
      await dispatcher.run(later(now, RETRY_MS));

      expect(notify.received).toHaveLength(1);
      expect(await row(id)).toMatchObject({ status: 'sent', provider_id: notify.taken[0]!.id });
    });

    it('keeps the outcome unknown while the lookup itself fails, and sends nothing meanwhile', async () => {
      const id = await due();
      notify.mishaps.push('take-then-hang');
      const dispatcher = dispatcherWith(sender);
      await dispatcher.run(now);
      notify.failures.push({ status: 503, error: 'Exception', message: 'Service unavailable' });

      await dispatcher.run(later(now, RETRY_MS));
      expect(await row(id)).toMatchObject({ status: 'sending', attempts: 2 });
      expect(notify.received).toHaveLength(1);
      await dispatcher.run(later(now, 10 * RETRY_MS));

      expect(notify.received).toHaveLength(1);
      expect(await row(id)).toMatchObject({ status: 'sent', provider_id: notify.taken[0]!.id, attempts: 3 });
    });

    it('sends again without a lookup when Notify refused the request (nothing was taken)', async () => {
      const id = await due();
      notify.failures.push({ status: 429, error: 'RateLimitError', message: 'Exceeded rate limit' });
      const dispatcher = dispatcherWith(sender);

      await dispatcher.run(now);
      expect(await row(id)).toMatchObject({ status: 'pending' });
      await dispatcher.run(later(now, RETRY_MS));

      expect(notify.lookups).toEqual([]);
      expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    });
  });
});
