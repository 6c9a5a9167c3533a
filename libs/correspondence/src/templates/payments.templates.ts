import type { TemplateDefinition } from './template-definition';

// The Welsh was written by the team and needs the Welsh Language Unit's review before go-live.

/** Payments: receipts, approved refunds and Help with Fees decisions. */
export const PAYMENTS_TEMPLATES: readonly TemplateDefinition[] = [
  {
    id: 'payments.payment-receipt',
    version: 1,
    description: 'A payment was received and applied to a case or fine account',
    channels: ['letter', 'email'],
    placeholders: {
      payerName: { kind: 'text', description: "The payer's name" },
      paymentReference: { kind: 'text', description: 'The payment reference' },
      amount: { kind: 'money', description: 'The amount paid' },
      paidOn: { kind: 'date', description: 'The day the payment was received' },
      appliedToReference: { kind: 'text', description: 'The case or fine account the payment was applied to' },
    },
    wording: {
      en: {
        subject: 'Payment received: ((paymentReference))',
        body: `Dear ((payerName))

Thank you. We received your payment of ((amount)) on ((paidOn)) and applied it to ((appliedToReference)).

Your payment reference is ((paymentReference)). Keep this receipt for your records.`,
      },
      cy: {
        subject: 'Taliad wedi dod i law: ((paymentReference))',
        body: `Annwyl ((payerName))

Diolch. Cawsom eich taliad o ((amount)) ar ((paidOn)) ac rydym wedi'i roi tuag at ((appliedToReference)).

Cyfeirnod eich taliad yw ((paymentReference)). Cadwch y dderbynneb hon ar gyfer eich cofnodion.`,
      },
    },
  },
  {
    id: 'payments.refund-approved',
    version: 1,
    description: 'A refund was approved: how much and how it will be paid',
    channels: ['letter', 'email'],
    placeholders: {
      recipientName: { kind: 'text', description: 'Who the refund is paid to' },
      refundReference: { kind: 'text', description: 'The refund reference' },
      amount: { kind: 'money', description: 'The amount refunded' },
      approvedOn: { kind: 'date', description: 'The day the refund was approved' },
      caseReference: { kind: 'text', description: 'The case or account the payment was for' },
    },
    wording: {
      en: {
        subject: 'Your refund has been approved: ((refundReference))',
        body: `Dear ((recipientName))

On ((approvedOn)) we approved a refund of ((amount)) for ((caseReference)).

The money will be paid back to the card or account you paid from, usually within 10 working days. If we need to pay you another way, we will contact you.

Your refund reference is ((refundReference)).`,
      },
      cy: {
        subject: "Mae eich ad-daliad wedi'i gymeradwyo: ((refundReference))",
        body: `Annwyl ((recipientName))

Ar ((approvedOn)) gwnaethom gymeradwyo ad-daliad o ((amount)) ar gyfer ((caseReference)).

Bydd yr arian yn cael ei dalu'n ôl i'r cerdyn neu'r cyfrif y gwnaethoch dalu ohono, fel arfer o fewn 10 diwrnod gwaith. Os bydd angen i ni eich talu mewn ffordd arall, byddwn yn cysylltu â chi.

Cyfeirnod eich ad-daliad yw ((refundReference)).`,
      },
    },
  },
  {
    id: 'payments.help-with-fees-decision',
    version: 1,
    description: 'A Help with Fees application was decided: the fee, the part remitted, what is left to pay',
    channels: ['letter', 'email'],
    placeholders: {
      applicantName: { kind: 'text', description: "The applicant's name" },
      helpWithFeesReference: { kind: 'text', description: 'The Help with Fees reference' },
      decisionDate: { kind: 'date', description: 'The day the application was decided' },
      feeAmount: { kind: 'money', description: 'The fee applied for' },
      remittedAmount: { kind: 'money', description: 'The part of the fee remitted (0 when none)' },
      amountToPay: { kind: 'money', description: 'What the applicant still pays (0 when fully remitted)' },
      payByDate: { kind: 'date', description: 'The day by which anything left must be paid' },
    },
    wording: {
      en: {
        subject: 'Help with Fees decision: ((helpWithFeesReference))',
        body: `Dear ((applicantName))

On ((decisionDate)) we made a decision on your application for Help with Fees, reference ((helpWithFeesReference)).

The fee is ((feeAmount)). Help with Fees covers ((remittedAmount)) of it, so the amount you need to pay is ((amountToPay)).

If you have anything to pay, pay it by ((payByDate)) or your case may not go ahead. If your circumstances change, or you think the decision is wrong, contact us.`,
      },
      cy: {
        subject: 'Penderfyniad Help i Dalu Ffioedd: ((helpWithFeesReference))',
        body: `Annwyl ((applicantName))

Ar ((decisionDate)) gwnaethom benderfyniad ar eich cais am Help i Dalu Ffioedd, cyfeirnod ((helpWithFeesReference)).

Y ffi yw ((feeAmount)). Mae Help i Dalu Ffioedd yn talu ((remittedAmount)) ohoni, felly y swm y mae angen i chi ei dalu yw ((amountToPay)).

Os oes gennych unrhyw swm i'w dalu, talwch erbyn ((payByDate)) neu efallai na fydd eich achos yn mynd yn ei flaen. Os bydd eich amgylchiadau'n newid, neu os ydych yn credu bod y penderfyniad yn anghywir, cysylltwch â ni.`,
      },
    },
  },
];
