import type { TemplateDefinition } from './template-definition';

// The Welsh was written by the team and needs the Welsh Language Unit's review before go-live.

const defendantName = { kind: 'text', description: "The defendant's name as on the account" } as const;
const accountNumber = { kind: 'text', description: 'The fine account number' } as const;
const balance = { kind: 'money', description: 'Everything still owed on the account' } as const;

/** Fines collection: the Fines Officer's notices and the court's orders served on a defendant. */
export const ENFORCEMENT_TEMPLATES: readonly TemplateDefinition[] = [
  {
    id: 'enforcement.collection-order-notice',
    version: 1,
    description: 'The court made a collection order: what is owed, the next payment, what happens if it is missed',
    channels: ['letter'],
    bilingualWhenPreferenceUnknown: true,
    placeholders: {
      defendantName,
      accountNumber,
      balance,
      courtName: { kind: 'text', description: 'The court that made the order' },
      orderDate: { kind: 'date', description: 'The day the order was made' },
      nextPaymentAmount: { kind: 'money', description: 'The next payment due under the terms' },
      nextPaymentDate: { kind: 'date', description: 'When the next payment is due' },
    },
    wording: {
      en: {
        subject: 'Collection order: account ((accountNumber))',
        body: `Dear ((defendantName))

On ((orderDate)) ((courtName)) made a collection order on your fine account ((accountNumber)). The amount you owe is ((balance)).

Your next payment of ((nextPaymentAmount)) is due on ((nextPaymentDate)). You can pay online or by phone. Quote your account number when you pay.

If you do not pay as ordered, a fines officer can take further steps without going back to court. These include taking money from your wages or benefits, or sending enforcement agents to take your goods, and can add to the amount you owe.

If you cannot pay, contact us straight away. We may be able to agree payments you can afford.`,
      },
      cy: {
        subject: 'Gorchymyn casglu: cyfrif ((accountNumber))',
        body: `Annwyl ((defendantName))

Ar ((orderDate)) gwnaeth ((courtName)) orchymyn casglu ar eich cyfrif dirwy ((accountNumber)). Y swm sydd arnoch yw ((balance)).

Mae eich taliad nesaf o ((nextPaymentAmount)) yn ddyledus ar ((nextPaymentDate)). Gallwch dalu ar-lein neu dros y ffôn. Dyfynnwch rif eich cyfrif pan fyddwch yn talu.

Os na fyddwch yn talu fel y gorchmynnwyd, gall swyddog dirwyon gymryd camau pellach heb fynd yn ôl i'r llys. Mae'r rhain yn cynnwys cymryd arian o'ch cyflog neu'ch budd-daliadau, neu anfon asiantiaid gorfodi i gymryd eich nwyddau, a gallant ychwanegu at y swm sydd arnoch.

Os na allwch dalu, cysylltwch â ni ar unwaith. Efallai y gallwn gytuno ar daliadau y gallwch eu fforddio.`,
      },
    },
  },
  {
    id: 'enforcement.further-steps-notice',
    version: 1,
    description: 'Payments are overdue: pay by a date or the Fines Officer takes further steps',
    channels: ['letter', 'email'],
    bilingualWhenPreferenceUnknown: true,
    placeholders: {
      defendantName,
      accountNumber,
      balance,
      amountOverdue: { kind: 'money', description: 'What the terms asked for and has not been paid' },
      payByDate: { kind: 'date', description: 'The last day to pay before further steps' },
    },
    wording: {
      en: {
        subject: 'Further steps notice: account ((accountNumber))',
        body: `Dear ((defendantName))

You have not paid your fine as ordered. ((amountOverdue)) is overdue on your account ((accountNumber)), and the full amount you owe is ((balance)).

You must pay ((amountOverdue)) by ((payByDate)).

If you do not, a fines officer will take further steps to collect the full amount without going back to court. They can:
- take money from your wages or benefits
- register the fine, which can affect your credit rating
- send enforcement agents to your home to take goods, which adds their fees to the amount you owe

If you cannot pay, contact us before ((payByDate)) to talk about what you can afford.`,
      },
      cy: {
        subject: 'Hysbysiad camau pellach: cyfrif ((accountNumber))',
        body: `Annwyl ((defendantName))

Nid ydych wedi talu eich dirwy fel y gorchmynnwyd. Mae gennych ôl-ddyledion o ((amountOverdue)) ar eich cyfrif ((accountNumber)), a'r swm llawn sydd arnoch yw ((balance)).

Rhaid i chi dalu ((amountOverdue)) erbyn ((payByDate)).

Os na fyddwch yn gwneud hynny, bydd swyddog dirwyon yn cymryd camau pellach i gasglu'r swm llawn heb fynd yn ôl i'r llys. Gallant:
- cymryd arian o'ch cyflog neu'ch budd-daliadau
- cofrestru'r ddirwy, a all effeithio ar eich statws credyd
- anfon asiantiaid gorfodi i'ch tŷ i gymryd nwyddau, a bydd eu ffioedd yn cael eu hychwanegu at y swm sydd arnoch

Os na allwch dalu, cysylltwch â ni cyn ((payByDate)) i drafod beth y gallwch ei fforddio.`,
      },
    },
  },
  {
    id: 'enforcement.payment-reminder',
    version: 1,
    description: 'A payment under the terms is coming due',
    channels: ['letter', 'email', 'sms'],
    placeholders: {
      defendantName,
      accountNumber,
      amountDue: { kind: 'money', description: 'The payment coming due' },
      dueDate: { kind: 'date', description: 'When it is due' },
    },
    wording: {
      en: {
        subject: 'Payment reminder: account ((accountNumber))',
        body: `Dear ((defendantName))

This is a reminder that a payment of ((amountDue)) on your fine account ((accountNumber)) is due on ((dueDate)).

You can pay online or by phone. Quote your account number when you pay.

If you have already paid, thank you: you do not need to do anything. If you cannot pay, contact us as soon as possible.`,
        sms: 'Reminder: a payment of ((amountDue)) on fine account ((accountNumber)) is due on ((dueDate)). If you have already paid, thank you.',
      },
      cy: {
        subject: 'Nodyn atgoffa i dalu: cyfrif ((accountNumber))',
        body: `Annwyl ((defendantName))

Dyma nodyn i'ch atgoffa bod taliad o ((amountDue)) ar eich cyfrif dirwy ((accountNumber)) yn ddyledus ar ((dueDate)).

Gallwch dalu ar-lein neu dros y ffôn. Dyfynnwch rif eich cyfrif pan fyddwch yn talu.

Os ydych wedi talu'n barod, diolch: nid oes angen i chi wneud dim. Os na allwch dalu, cysylltwch â ni cyn gynted â phosibl.`,
        sms: "Nodyn atgoffa: mae taliad o ((amountDue)) ar gyfrif dirwy ((accountNumber)) yn ddyledus ar ((dueDate)). Os ydych wedi talu'n barod, diolch.",
      },
    },
  },
  {
    id: 'enforcement.default-notice',
    version: 1,
    description: 'Payments were missed and the account is in default: the whole balance is now due',
    channels: ['letter'],
    bilingualWhenPreferenceUnknown: true,
    placeholders: {
      defendantName,
      accountNumber,
      balance,
      missedSince: { kind: 'date', description: 'The first missed payment' },
      amountOverdue: { kind: 'money', description: 'What the terms asked for and has not been paid' },
      payByDate: { kind: 'date', description: 'The last day to pay or agree new terms before enforcement action' },
    },
    wording: {
      en: {
        subject: 'Default notice: account ((accountNumber))',
        body: `Dear ((defendantName))

You have missed payments on your fine account ((accountNumber)) since ((missedSince)). ((amountOverdue)) is now overdue and your account is in default. Because of this, the full amount you owe, ((balance)), is now due.

To stop further action, pay ((amountOverdue)) by ((payByDate)) or contact us to agree new payments.

If you do nothing, a fines officer can take enforcement action, which may add costs to the amount you owe.`,
      },
      cy: {
        subject: 'Hysbysiad diffygdalu: cyfrif ((accountNumber))',
        body: `Annwyl ((defendantName))

Rydych wedi methu taliadau ar eich cyfrif dirwy ((accountNumber)) ers ((missedSince)). Mae gennych ôl-ddyledion o ((amountOverdue)) bellach, ac rydych wedi diffygdalu ar eich cyfrif. Oherwydd hyn, mae'r swm llawn sydd arnoch, ((balance)), bellach yn ddyledus.

I atal camau pellach, talwch ((amountOverdue)) erbyn ((payByDate)) neu cysylltwch â ni i gytuno ar daliadau newydd.

Os na wnewch chi ddim, gall swyddog dirwyon gymryd camau gorfodi, a all ychwanegu costau at y swm sydd arnoch.`,
      },
    },
  },
  {
    id: 'enforcement.warrant-notice',
    version: 1,
    description: 'A warrant of control was issued and passed to enforcement agents',
    channels: ['letter'],
    bilingualWhenPreferenceUnknown: true,
    placeholders: {
      defendantName,
      accountNumber,
      balance,
      issuedDate: { kind: 'date', description: 'The day the warrant was issued' },
      enforcementAgency: { kind: 'text', description: 'The enforcement agents holding the warrant' },
    },
    wording: {
      en: {
        subject: 'Warrant of control issued: account ((accountNumber))',
        body: `Dear ((defendantName))

On ((issuedDate)) the court issued a warrant of control because the fine on your account ((accountNumber)) has not been paid. The amount you owe is ((balance)).

The warrant has been passed to ((enforcementAgency)), who are enforcement agents. They can visit your home and take goods to sell to pay what you owe. Their fees will be added to the amount you owe.

To stop this, pay the full amount now. If you cannot, contact ((enforcementAgency)) straight away.`,
      },
      cy: {
        subject: "Gwarant reoli wedi'i chyhoeddi: cyfrif ((accountNumber))",
        body: `Annwyl ((defendantName))

Ar ((issuedDate)) cyhoeddodd y llys warant reoli oherwydd nad yw'r ddirwy ar eich cyfrif ((accountNumber)) wedi cael ei thalu. Y swm sydd arnoch yw ((balance)).

Mae'r warant wedi cael ei throsglwyddo i ((enforcementAgency)), sy'n asiantiaid gorfodi. Gallant ddod i'ch tŷ a chymryd nwyddau i'w gwerthu er mwyn talu'r hyn sydd arnoch. Bydd eu ffioedd yn cael eu hychwanegu at y swm sydd arnoch.

I atal hyn, talwch y swm llawn nawr. Os na allwch wneud hynny, cysylltwch â ((enforcementAgency)) ar unwaith.`,
      },
    },
  },
];
