import { SandboxNotificationSender } from './sandbox-notification-sender';

describe('SandboxNotificationSender', () => {
  it('keeps what it would have sent, in order, each with its own provider id', async () => {
    const ids = ['id-1', 'id-2'];
    const sandbox = new SandboxNotificationSender(() => ids.shift() as string);
    const pdf = new Uint8Array([37, 80, 68, 70]);

    const email = await sandbox.send({
      channel: 'email',
      reference: 'item-1',
      emailAddress: 'siân@example.cymru',
      subject: 'Pwnc',
      body: 'Corff',
    });
    const letter = await sandbox.send({ channel: 'letter', reference: 'item-2', pdf });
    pdf[0] = 0;

    expect([email, letter]).toEqual([
      { providerId: 'id-1', status: 'delivered' },
      { providerId: 'id-2', status: 'delivered' },
    ]);
    expect(sandbox.sent().map((item) => [item.providerId, item.notification.channel])).toEqual([
      ['id-1', 'email'],
      ['id-2', 'letter'],
    ]);
    // A copy is kept, so what the caller does with its buffer later does not change what was "sent".
    expect(sandbox.sentWithReference('item-2')[0]?.notification).toMatchObject({
      pdf: new Uint8Array([37, 80, 68, 70]),
    });
    sandbox.clear();
    expect(sandbox.sent()).toEqual([]);
  });

  it('keeps only the last sends, so a service left running does not grow for ever', async () => {
    let n = 0;
    const sandbox = new SandboxNotificationSender(() => `id-${++n}`, 3);
    for (let i = 1; i <= 5; i++)
      await sandbox.send({ channel: 'sms', reference: `item-${i}`, phoneNumber: '07700900123', body: 'Corff' });

    expect(sandbox.sent().map((item) => item.notification.reference)).toEqual(['item-3', 'item-4', 'item-5']);
    expect(new SandboxNotificationSender().sent()).toEqual([]);
  });

  it('finds a kept send by its reference, as Notify does, and nothing under a reference it never had', async () => {
    const sandbox = new SandboxNotificationSender(() => 'id-1');
    await sandbox.send({ channel: 'sms', reference: 'item-1', phoneNumber: '07700900123', body: 'Corff' });

    await expect(sandbox.findByReference('item-1')).resolves.toEqual({ providerId: 'id-1', status: 'delivered' });
    await expect(sandbox.findByReference('item-2')).resolves.toBeUndefined();
  });
});
