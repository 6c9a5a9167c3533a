import { BadUserInputError } from '@ccsc/platform/errors';

/**
 * The provider sends the payer back to a card payment's returnUrl when they have finished: only to
 * the service's own pages (CARD_RETURN_ORIGINS). Anyone may start a payment towards a fine account,
 * so any other address would let a genuine payment page end on a site of the starter's choosing. The
 * address is handed on as this check read it (`href`), and one another parser could read otherwise (a user
 * name or password before the host, a backslash, a space or control character) is refused. Returns the
 * address to hand on.
 */
export function allowedReturnUrl(returnUrl: string, origins: readonly string[]): string {
  let url: URL | undefined;
  try {
    url = new URL(returnUrl);
  } catch {
    url = undefined;
  }
  const ambiguous = /[\\\s\p{Cc}]/u.test(returnUrl) || !!url?.username || !!url?.password;
  if (!url || ambiguous || !origins.includes(url.origin))
    throw new BadUserInputError("The return address is not one of the service's own pages", [
      { field: 'returnUrl', message: `must be an address on ${origins.join(', ')}` },
    ]);
  return url.href;
}
