import { assertChannelFor, initialStatus } from './case-document';

describe('documents received', () => {
  it('are accepted as they come online, and wait for review from any other channel', () => {
    expect(initialStatus('online')).toBe('accepted');
    for (const channel of ['post', 'email', 'bulk-scan'] as const)
      expect(initialStatus(channel)).toBe('pending-review');
  });

  it('come from a party online only: post, email and bulk scanning are recorded by the court', () => {
    expect(() => assertChannelFor('online', false)).not.toThrow();
    for (const channel of ['post', 'email', 'bulk-scan'] as const) {
      expect(() => assertChannelFor(channel, false)).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          fieldErrors: [expect.objectContaining({ field: 'channel' })],
        }),
      );
      expect(() => assertChannelFor(channel, true)).not.toThrow();
    }
  });
});
