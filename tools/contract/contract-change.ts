/** A change that can break a client written against the last released contract. */
export interface BreakingChange {
  api: 'graphql' | 'rest';
  /** What changed, as a listed change names it: `Case.reference`, `GET /api/v1/cases/{id}`, `CaseModel.reference`. */
  change: string;
  /** What a developer reads when the check fails: the field or operation and what happened to it. */
  message: string;
  /**
   * Whether the last release marked the removed element deprecated (`@deprecated`, `deprecated: true`);
   * undefined where the contract has no way to deprecate what changed (a type change, a newly required input).
   */
  announced?: boolean;
  /** The earliest day the change may be released, when the released contract names one (a REST operation's sunset). */
  notBefore?: string;
}
