/** A card payment as the provider reports it in a status callback. */
export interface CardStatusReport {
  providerReference: string;
  status: 'success' | 'failed' | 'cancelled' | 'chargeback';
  amountPence: number;
  /** Why it failed, in the provider's words; never card details. */
  failureCode?: string;
}

export interface StartedCardPayment {
  providerReference: string;
  /** Where the payer is sent to enter their card details. */
  nextUrl: string;
}

/**
 * The card payment provider, as the payments service needs it: start a payment (the payer goes to
 * the provider's page), then learn its outcome from an asynchronous callback whose signature proves
 * it came from the provider.
 */
export abstract class CardProvider {
  abstract start(payment: {
    paymentId: string;
    amountPence: number;
    description: string;
    returnUrl: string;
  }): Promise<StartedCardPayment>;
  /** The report in a callback, or undefined when the signature does not verify (or is stale). */
  abstract verifyCallback(body: unknown, signature: string | undefined, now: Date): CardStatusReport | undefined;
}
