/*
 * ONE API SURFACE: each officer action as partner REST and as a GraphQL operation, side by side. Both call the
 * same application command, so the rules and errors are one; the spec (api-surface.e2e-spec.ts) fails for a REST
 * write or a mutation in neither list, for an entry that names nothing, and for a pair whose two halves have
 * different rows in the authorisation matrix.
 */

/** [REST operation as `METHOD /api/v1/...` with `:params`, its GraphQL operation as `Mutation.x` or `Query.x`]. */
export const SAME_ACTION: readonly (readonly [rest: string, graphql: string])[] = [
  // cases
  ['POST /api/v1/cases', 'Mutation.createCase'],
  ['POST /api/v1/cases/:id/events', 'Mutation.triggerCaseEvent'],
  ['POST /api/v1/cases/:id/parties', 'Mutation.addParty'],
  ['PATCH /api/v1/cases/:id/parties/:partyId', 'Mutation.updateParty'],
  ['PUT /api/v1/cases/:id/parties/:partyId/representation', 'Mutation.changeRepresentation'],
  ['POST /api/v1/cases/:id/hearings', 'Mutation.listHearing'],
  ['POST /api/v1/cases/:id/hearings/:hearingId/status', 'Mutation.updateHearingStatus'],
  ['POST /api/v1/cases/:id/decisions', 'Mutation.recordDecision'],
  ['POST /api/v1/cases/:id/decisions/:decisionId/check', 'Mutation.checkDecision'],
  ['POST /api/v1/cases/:id/status-review/referrals', 'Mutation.recordStatusReviewReferral'],
  ['POST /api/v1/cases/:id/status-review/minded-to-notice', 'Mutation.issueMindedToNotice'],
  ['POST /api/v1/cases/:id/status-review/minded-to-notice/representations', 'Mutation.recordRepresentations'],
  ['POST /api/v1/cases/:id/results', 'Mutation.recordCaseResult'],
  ['POST /api/v1/cases/:id/documents', 'Mutation.receiveDocument'],
  ['POST /api/v1/cases/:id/documents/:documentId/review', 'Mutation.reviewDocument'],
  ['POST /api/v1/cases/:id/assisted-digital-referrals', 'Mutation.referForAssistedDigital'],
  ['POST /api/v1/cases/:id/assisted-digital-referrals/:referralId/status', 'Mutation.updateAssistedDigitalReferral'],
  ['POST /api/v1/cases/deadlines/runs', 'Mutation.runCaseDeadlines'],
  ['PUT /api/v1/cases/:id/parties/:partyId/identity', 'Mutation.matchPartyIdentity'],
  ['DELETE /api/v1/cases/:id/parties/:partyId/identity', 'Mutation.unmatchPartyIdentity'],

  // complaints
  ['POST /api/v1/complaints', 'Mutation.openComplaint'],
  ['POST /api/v1/complaints/:id/acknowledgement', 'Mutation.acknowledgeComplaint'],
  ['POST /api/v1/complaints/:id/investigation', 'Mutation.startComplaintInvestigation'],
  ['POST /api/v1/complaints/:id/response-draft', 'Mutation.draftComplaintResponse'],
  ['POST /api/v1/complaints/:id/response', 'Mutation.sendComplaintResponse'],
  ['POST /api/v1/complaints/:id/escalation', 'Mutation.escalateComplaint'],
  ['POST /api/v1/complaints/:id/remedies', 'Mutation.agreeComplaintRemedy'],
  ['POST /api/v1/complaints/:id/data-breach', 'Mutation.flagComplaintDataBreach'],
  ['POST /api/v1/complaints/:id/data-breach/decision', 'Mutation.decideComplaintDataBreach'],
  ['POST /api/v1/complaints/:id/closure', 'Mutation.closeComplaint'],
  ['POST /api/v1/complaints/:id/ombudsman-referral', 'Mutation.referComplaintToOmbudsman'],
  ['POST /api/v1/complaints/:id/ombudsman-referral/enquiries', 'Mutation.recordOmbudsmanEnquiry'],
  ['POST /api/v1/complaints/:id/ombudsman-referral/answers', 'Mutation.answerOmbudsmanEnquiries'],
  ['POST /api/v1/complaints/:id/ombudsman-referral/outcome', 'Mutation.recordOmbudsmanOutcome'],
  ['POST /api/v1/complaints/sla/runs', 'Mutation.runComplaintSla'],

  // queries
  ['POST /api/v1/queries/enquiries', 'Mutation.raiseEnquiry'],
  ['POST /api/v1/queries/enquiries/:id/messages', 'Mutation.addEnquiryMessage'],
  ['POST /api/v1/queries/sla/runs', 'Mutation.runSlaCheck'],
  ['PUT /api/v1/queries/sla/policies', 'Mutation.saveSlaPolicy'],
  ['POST /api/v1/queries/enquiries/:id/status', 'Mutation.changeEnquiryStatus'],
  ['POST /api/v1/queries/enquiries/:id/complaint', 'Mutation.convertEnquiryToComplaint'],
  ['POST /api/v1/queries/enquiries/:id/assisted-digital-needs', 'Mutation.identifyAssistedDigitalNeed'],
  ['POST /api/v1/queries/queues/:queueId/next', 'Mutation.takeNextEnquiry'],
  ['POST /api/v1/queries/enquiries/:id/claim', 'Mutation.claimEnquiry'],
  ['POST /api/v1/queries/enquiries/:id/assignment', 'Mutation.assignEnquiry'],
  ['POST /api/v1/queries/enquiries/:id/unassignment', 'Mutation.unassignEnquiry'],
  ['POST /api/v1/queries/enquiries/:id/escalation', 'Mutation.escalateEnquiry'],
  ['POST /api/v1/queries/enquiries/:id/triage', 'Mutation.triageEnquiry'],
  // GraphQL saves a rule with or without its id; REST creates with POST and replaces with PUT.
  ['POST /api/v1/queries/triage/rules', 'Mutation.saveTriageRule'],
  ['PUT /api/v1/queries/triage/rules/:id', 'Mutation.saveTriageRule'],
  ['POST /api/v1/queries/knowledge/articles', 'Mutation.createKnowledgeArticle'],
  ['POST /api/v1/queries/knowledge/articles/:id/versions', 'Mutation.draftKnowledgeArticleVersion'],
  ['POST /api/v1/queries/knowledge/versions/:versionId/publication', 'Mutation.publishKnowledgeArticleVersion'],
  ['POST /api/v1/queries/knowledge/versions/:versionId/retirement', 'Mutation.retireKnowledgeArticleVersion'],
  ['POST /api/v1/queries/knowledge/versions/:versionId/ratings', 'Mutation.rateKnowledgeArticle'],

  // enforcement
  ['POST /api/v1/enforcement/accounts/:id/actions', 'Mutation.takeEnforcementAction'],
  ['POST /api/v1/enforcement/accounts/:id/terms', 'Mutation.varyFineTerms'],
  ['POST /api/v1/enforcement/accounts/:id/write-offs', 'Mutation.requestFineWriteOff'],
  ['POST /api/v1/enforcement/write-offs/:id/decision', 'Mutation.decideFineWriteOff'],
  ['POST /api/v1/enforcement/accounts/:id/means-assessments', 'Mutation.recordMeansAssessment'],
  ['POST /api/v1/enforcement/accounts/:id/consolidations', 'Mutation.consolidateFineAccounts'],
  ['POST /api/v1/enforcement/fixed-penalties', 'Mutation.recordFixedPenalty'],
  ['POST /api/v1/enforcement/warrants/:id/outcome', 'Mutation.recordWarrantOutcome'],
  ['POST /api/v1/enforcement/default-runs', 'Mutation.runFineDefaults'],
  ['POST /api/v1/enforcement/suspense/:id/allocation', 'Mutation.allocateSuspenseItem'],
  ['POST /api/v1/enforcement/suspense/:id/refund', 'Mutation.refundSuspenseItem'],

  // payments
  ['POST /api/v1/payments/fees/:code/versions', 'Mutation.proposeFeeVersion'],
  ['POST /api/v1/payments/fees/:code/versions/:version/decision', 'Mutation.decideFeeVersion'],
  ['POST /api/v1/payments/cases/:caseId/service-request/fees/:feeId/claim-amount', 'Mutation.correctClaimAmount'],
  ['POST /api/v1/payments/cases/:caseId/payments-by-account', 'Mutation.payFeesByAccount'],
  ['POST /api/v1/payments/cases/:caseId/card-payments', 'Mutation.startCardPayment'],
  ['POST /api/v1/payments/fine-accounts/:accountNumber/card-payments', 'Mutation.startFineAccountCardPayment'],
  ['POST /api/v1/payments/bulk-scan-payments', 'Mutation.recordBulkScanPayment'],
  ['POST /api/v1/payments/payments/:id/reversals', 'Mutation.reversePayment'],
  ['POST /api/v1/payments/accounts', 'Mutation.openPaymentAccount'],
  ['POST /api/v1/payments/accounts/:accountNumber/changes', 'Mutation.changePaymentAccount'],
  ['POST /api/v1/payments/accounts/:accountNumber/credit-limit/decision', 'Mutation.decidePaymentAccountCreditLimit'],
  ['POST /api/v1/payments/payments/:id/allocations', 'Mutation.allocatePayment'],
  ['POST /api/v1/payments/allocations/:id/transfers', 'Mutation.transferAllocation'],
  ['POST /api/v1/payments/allocations/:id/verification', 'Mutation.verifyAllocation'],
  ['POST /api/v1/payments/refunds', 'Mutation.requestRefund'],
  ['POST /api/v1/payments/refunds/:id/decision', 'Mutation.decideRefund'],
  ['POST /api/v1/payments/refunds/:id/resubmission', 'Mutation.resubmitRefund'],
  ['POST /api/v1/payments/refunds/:id/payment', 'Mutation.payRefund'],
  ['POST /api/v1/payments/fee-waivers/:id/decision', 'Mutation.decideFeeWaiver'],
  ['POST /api/v1/payments/help-with-fees/applications', 'Mutation.applyForHelpWithFees'],
  ['POST /api/v1/payments/help-with-fees/applications/:id/decision', 'Mutation.decideHelpWithFees'],
  ['POST /api/v1/payments/help-with-fees/applications/:id/evidence-check', 'Mutation.recordHelpWithFeesEvidenceCheck'],
  // Works out a remission and stores nothing: a query in GraphQL, a POST in REST for its body.
  ['POST /api/v1/payments/help-with-fees/assessments', 'Query.helpWithFeesAssessment'],
];

/** Operations on one surface only, each with the reason. */
export const ONE_SURFACE_ONLY: Readonly<Record<string, string>> = {
  'POST /api/v1/payments/card-callbacks':
    "the card provider's signed status callback: no officer or partner calls it, so it has no GraphQL twin",
  'POST /api/v1/cases/correspondence/delivery-receipts':
    "GOV.UK Notify's delivery receipt, called with Notify's own token: no officer or partner calls it",
  'POST /api/v1/queries/correspondence/delivery-receipts':
    "GOV.UK Notify's delivery receipt, called with Notify's own token: no officer or partner calls it",
  'POST /api/v1/complaints/correspondence/delivery-receipts':
    "GOV.UK Notify's delivery receipt, called with Notify's own token: no officer or partner calls it",
  ...Object.fromEntries(
    [
      'POST /api/v1/cases/webhooks/endpoints',
      'PATCH /api/v1/cases/webhooks/endpoints/:endpointId',
      'DELETE /api/v1/cases/webhooks/endpoints/:endpointId',
      'POST /api/v1/cases/webhooks/endpoints/:endpointId/rotate-secret',
      'POST /api/v1/cases/webhooks/deliveries/:deliveryId/replay',
    ].map((route) => [
      route,
      "a partner system's webhook set-up: firms' integrators work over REST, where the deliveries are documented too",
    ]),
  ),
  ...Object.fromEntries(
    [
      'takeNextTask',
      'claimTask',
      'releaseTask',
      'escalateTask',
      'assignTask',
      'reassignOfficerTasks',
      'saveOfficer',
      'setQueueAutoAssign',
      'runTaskDeadlines',
    ].map((name) => [
      `Mutation.${name}`,
      "the service centre's work queue serves the officers' frontends over GraphQL (with live updates); partners' systems have no use for it, so it has no REST twin",
    ]),
  ),
};
