import { InProcessTransport } from './in-process.transport';
import type { ConsumedMessage } from './event-transport';

describe('InProcessTransport', () => {
  const message = (value: string) => ({ topic: 't', key: 'k', value, headers: {} });

  it('offers a failed message again to a group reading from committed offsets, and not to one reading from the end', async () => {
    const bus = new InProcessTransport();
    const seen: Record<string, string[]> = { committed: [], latest: [] };
    const failOnce = new Set(['committed:bad', 'latest:bad']);
    const subscriptions = await Promise.all(
      (['committed', 'latest'] as const).map((from) =>
        bus.consume({
          groupId: from,
          topics: ['t'],
          from,
          handle: async (m: ConsumedMessage) => {
            seen[from]!.push(m.value);
            if (failOnce.delete(`${from}:${m.value}`)) throw new Error('failed');
          },
        }),
      ),
    );
    await bus.publish([message('bad'), message('good')]);
    for (let i = 0; i < 100 && seen.committed!.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual({ committed: ['bad', 'bad', 'good'], latest: ['bad', 'good'] });
    await Promise.all(subscriptions.map((s) => s.stop()));
  });
});
