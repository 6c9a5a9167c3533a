import { randomUUID } from 'node:crypto';
import { IsUUID } from 'class-validator';
import { defineEvent, eventTopic } from '@ccsc/contracts';
import type { ConsumedMessage, ConsumeOptions, EventTransport, Subscription } from '../transport/event-transport';
import { LiveEvents } from './live-events';
import { LiveQueue, mapLive } from './live-queue';

class Pinged {
  @IsUUID() caseId!: string;
}
const pinged = defineEvent('cases', 'live-spec-pinged', 1, Pinged);
const other = defineEvent('cases', 'live-spec-other', 1, Pinged);

const envelope = (type: string, data: object, source = 'cases') =>
  JSON.stringify({
    specversion: '1.0',
    id: randomUUID(),
    source,
    type,
    subject: 'subject',
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
  });
const message = (value: string, topic = eventTopic('cases')): ConsumedMessage => ({
  topic,
  key: 'k',
  value,
  headers: {},
  partition: 0,
  offset: '0',
});

/** A transport that records what is asked of it. */
function fakeTransport(fail = 0) {
  const consumed: ConsumeOptions[] = [];
  let stops = 0;
  let failures = fail;
  const transport = {
    name: 'in-process',
    consume: async (options: ConsumeOptions): Promise<Subscription> => {
      if (failures-- > 0) throw new Error('broker away');
      consumed.push(options);
      return { stop: async () => void stops++ };
    },
  } as unknown as EventTransport;
  return { transport, consumed, stops: () => stops };
}

describe('LiveQueue', () => {
  it('hands values over in order, to a waiting reader at once', async () => {
    const queue = new LiveQueue<number>();
    queue.push(1);
    const waiting = (async () => [await queue.next(), await queue.next()])();
    queue.push(2);
    expect(await waiting).toEqual([
      { done: false, value: 1 },
      { done: false, value: 2 },
    ]);
  });

  it('ends at once when returned, even while a reader waits, and tells its owner', async () => {
    const ended = jest.fn();
    const queue = new LiveQueue<number>(ended);
    const waiting = queue.next();
    await queue.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(ended).toHaveBeenCalledTimes(1);
    queue.push(3);
    expect(await queue.next()).toEqual({ done: true, value: undefined });
  });

  it('keeps at most its capacity for a slow reader, dropping the oldest', async () => {
    const queue = new LiveQueue<number>(undefined, 2);
    [1, 2, 3].forEach((n) => queue.push(n));
    expect(queue.dropped).toBe(1);
    expect([await queue.next(), await queue.next()].map((r) => r.value)).toEqual([2, 3]);
  });
});

describe('mapLive', () => {
  it('projects values, drops those projected to undefined, and ends with its source', async () => {
    const source = new LiveQueue<number>();
    const mapped = mapLive(source, async (n) => (n % 2 === 0 ? `even ${n}` : undefined));
    [1, 2, 3, 4].forEach((n) => source.push(n));
    expect(await mapped.next()).toEqual({ done: false, value: 'even 2' });
    expect(await mapped.next()).toEqual({ done: false, value: 'even 4' });
    source.end();
    expect(await mapped.next()).toEqual({ done: true, value: undefined });
  });

  it('returns its source at once when returned while waiting, and drops a value being projected then', async () => {
    const source = new LiveQueue<number>();
    let release!: () => void;
    const mapped = mapLive(source, (n) => new Promise<number>((resolve) => (release = () => resolve(n))));
    const waiting = mapped.next();
    source.push(1);
    await new Promise((resolve) => setImmediate(resolve));
    await mapped.return?.();
    expect(source.isEnded).toBe(true);
    release();
    expect(await waiting).toEqual({ done: true, value: undefined });
  });

  it('ends with the error of a projection that fails', async () => {
    const source = new LiveQueue<number>();
    const mapped = mapLive(source, async () => Promise.reject(new Error('boom')));
    source.push(1);
    await expect(mapped.next()).rejects.toThrow('boom');
    expect(source.isEnded).toBe(true);
  });
});

describe('LiveEvents', () => {
  it('follows the types from the end of their topics, in a group of its own, and commits nothing', async () => {
    const { transport, consumed } = fakeTransport();
    const first = new LiveEvents(transport, { service: 'cases' });
    const second = new LiveEvents(transport, { service: 'cases' });
    first.follow(pinged);
    first.follow(other);
    await first.start();
    expect(consumed).toEqual([
      expect.objectContaining({ groupId: first.groupId, topics: [eventTopic('cases')], from: 'latest' }),
    ]);
    expect(first.groupId).toMatch(/^ccsc\.cases\.live\./);
    expect(second.groupId).not.toBe(first.groupId);
    expect(() => first.follow(defineEvent('cases', 'live-spec-late', 1, Pinged))).toThrow(
      /before the application starts/,
    );
  });

  it('starts no consumer when nothing is followed', async () => {
    const { transport, consumed } = fakeTransport();
    await new LiveEvents(transport, { service: 'cases' }).start();
    expect(consumed).toEqual([]);
  });

  it("fans an event out to every subscriber whose filter wants it, and passes over what isn't the type's", async () => {
    const live = new LiveEvents(fakeTransport().transport, { service: 'cases' });
    live.follow(pinged);
    live.follow(other);
    const caseA = randomUUID();
    const forA = live.subscribe(pinged, (e) => e.data.caseId === caseA);
    const forAll = live.subscribe(pinged);
    const throwing = live.subscribe(pinged, () => {
      throw new Error('bad filter');
    });
    expect(live.subscriberCount).toBe(3);

    live.deliver(message('not json'));
    live.deliver(message(envelope(pinged.type, { caseId: 'not-a-uuid' })));
    live.deliver(message(envelope(pinged.type, { caseId: caseA }, 'queries')));
    live.deliver(message(envelope(pinged.type, { caseId: caseA }), eventTopic('queries')));
    live.deliver(message(envelope(other.type, { caseId: caseA })));
    live.deliver(message(envelope(pinged.type, { caseId: randomUUID() })));
    live.deliver(message(envelope(pinged.type, { caseId: caseA })));

    expect((await forA.next()).value?.data).toEqual({ caseId: caseA });
    const all = [await forAll.next(), await forAll.next()].map((r) => r.value?.data);
    expect(all).toEqual([{ caseId: expect.any(String) }, { caseId: caseA }]);
    await live.stop();
    expect(await forA.next()).toEqual({ done: true, value: undefined });
    expect(await throwing.next()).toEqual({ done: true, value: undefined });
    expect(live.subscriberCount).toBe(0);
  });

  it('refuses a subscription to a type it does not follow', () => {
    const live = new LiveEvents(fakeTransport().transport, { service: 'cases' });
    expect(() => live.subscribe(pinged)).toThrow(/is not followed/);
  });

  it('forgets a subscriber once it is returned', async () => {
    const live = new LiveEvents(fakeTransport().transport, { service: 'cases' });
    live.follow(pinged);
    const subscription = live.subscribe(pinged);
    await subscription.return?.();
    expect(live.subscriberCount).toBe(0);
  });

  it('tries again in the background while the consumer cannot start, and stops for good', async () => {
    const { transport, consumed, stops } = fakeTransport(1);
    const warn = jest.fn();
    const live = new LiveEvents(transport, { service: 'cases', retryMs: 10, logger: { warn } });
    live.follow(pinged);
    await live.start();
    expect(warn).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50 && consumed.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(consumed).toHaveLength(1);
    await live.stop();
    expect(stops()).toBe(1);
    await expect(live.subscribe(pinged).next()).resolves.toEqual({ done: true, value: undefined });
  });
});
