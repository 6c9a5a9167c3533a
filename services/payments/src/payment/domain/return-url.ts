import { BadUserInputError } from '@ccsc/platform/errors';

/**
 * The provider sends the payer back to a card payment's returnUrl when they have finished: only to
 * the service's own pages (CARD_RETURN_ORIGINS). Anyone may start a payment towards a fine account,
 * so any other address would let a genuine payment page end on a site of the starter's choosing.
 */
export function assertReturnUrlAllowed(returnUrl: string, origins: readonly string[]): void {
  let origin: string | undefined;
  try {
    origin = new URL(returnUrl).origin;
  } catch {
    origin = undefined;
  }
  if (origin === undefined || !origins.includes(origin))
    throw new BadUserInputError("The return address is not one of the service's own pages", [
      { field: 'returnUrl', message: `must be an address on ${origins.join(', ')}` },
    ]);
}
