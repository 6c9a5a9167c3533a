import type { TemplateDefinition } from './template-definition';

// The Welsh was written by the team and needs the Welsh Language Unit's review before go-live.

const partyName = { kind: 'text', description: "The party's name" } as const;
const caseReference = { kind: 'text', description: 'The case reference' } as const;
const hearingDate = { kind: 'date', description: 'The day of the hearing' } as const;
const hearingTime = { kind: 'text', description: 'The time the hearing starts, as HH:MM' } as const;
const venueName = { kind: 'text', description: 'Where the hearing is held' } as const;

/** Cases: hearings listed, moved or cancelled, a case issued, a decision made. */
export const CASES_TEMPLATES: readonly TemplateDefinition[] = [
  {
    id: 'cases.hearing-listed',
    version: 1,
    description: 'A hearing was listed: when and where',
    channels: ['letter', 'email', 'sms'],
    placeholders: { partyName, caseReference, hearingDate, hearingTime, venueName },
    wording: {
      en: {
        subject: 'Hearing date for case ((caseReference))',
        body: `Dear ((partyName))

A hearing in case ((caseReference)) has been listed for ((hearingDate)) at ((hearingTime)) at ((venueName)).

Please arrive 30 minutes early. If you need an interpreter, help with access or a Welsh speaker, tell us as soon as possible.

If you cannot attend, contact us straight away and tell us why. The hearing may go ahead without you.`,
        sms: 'Your hearing in case ((caseReference)) is on ((hearingDate)) at ((hearingTime)) at ((venueName)).',
      },
      cy: {
        subject: 'Dyddiad gwrandawiad ar gyfer achos ((caseReference))',
        body: `Annwyl ((partyName))

Mae gwrandawiad yn achos ((caseReference)) wedi'i restru ar gyfer ((hearingDate)) am ((hearingTime)) yn ((venueName)).

Dylech gyrraedd 30 munud yn gynnar. Os oes arnoch angen cyfieithydd, help gyda mynediad neu siaradwr Cymraeg, rhowch wybod i ni cyn gynted â phosibl.

Os na allwch fod yn bresennol, cysylltwch â ni ar unwaith a dywedwch pam. Efallai y bydd y gwrandawiad yn mynd yn ei flaen hebddoch chi.`,
        sms: 'Mae eich gwrandawiad yn achos ((caseReference)) ar ((hearingDate)) am ((hearingTime)) yn ((venueName)).',
      },
    },
  },
  {
    id: 'cases.hearing-changed',
    version: 1,
    description:
      'An adjourned hearing was listed again: the day it was listed for before, and when and where it is now',
    channels: ['letter', 'email', 'sms'],
    placeholders: {
      partyName,
      caseReference,
      previousHearingDate: { kind: 'date', description: 'The day the hearing was listed for before' },
      hearingDate,
      hearingTime,
      venueName,
    },
    wording: {
      en: {
        subject: 'Your hearing has been listed again: case ((caseReference))',
        body: `Dear ((partyName))

The hearing in case ((caseReference)) that was listed for ((previousHearingDate)) was adjourned. It has now been listed again.

The hearing will now be on ((hearingDate)) at ((hearingTime)) at ((venueName)).

If you cannot attend on the new date, contact us straight away and tell us why.`,
        sms: 'Your hearing in case ((caseReference)) has been listed again for ((hearingDate)) at ((hearingTime)) at ((venueName)).',
      },
      cy: {
        subject: "Mae eich gwrandawiad wedi'i restru eto: achos ((caseReference))",
        body: `Annwyl ((partyName))

Cafodd y gwrandawiad yn achos ((caseReference)) a oedd wedi'i restru ar gyfer ((previousHearingDate)) ei ohirio. Mae bellach wedi'i restru eto.

Bydd y gwrandawiad nawr yn cael ei gynnal ar ((hearingDate)) am ((hearingTime)) yn ((venueName)).

Os na allwch fod yn bresennol ar y dyddiad newydd, cysylltwch â ni ar unwaith a dywedwch pam.`,
        sms: "Mae eich gwrandawiad yn achos ((caseReference)) wedi'i restru eto ar gyfer ((hearingDate)) am ((hearingTime)) yn ((venueName)).",
      },
    },
  },
  {
    id: 'cases.hearing-vacated',
    version: 1,
    description: 'A listed hearing was vacated and will not go ahead',
    channels: ['letter', 'email', 'sms'],
    placeholders: { partyName, caseReference, hearingDate },
    wording: {
      en: {
        subject: 'Your hearing has been cancelled: case ((caseReference))',
        body: `Dear ((partyName))

The hearing in case ((caseReference)) on ((hearingDate)) will not go ahead. You do not need to attend.

We will write to you when a new date is set or when there is other news about your case.`,
        sms: 'The hearing in case ((caseReference)) on ((hearingDate)) will not go ahead. You do not need to attend. We will write to you.',
      },
      cy: {
        subject: "Mae eich gwrandawiad wedi'i ganslo: achos ((caseReference))",
        body: `Annwyl ((partyName))

Ni fydd y gwrandawiad yn achos ((caseReference)) ar ((hearingDate)) yn mynd yn ei flaen. Nid oes angen i chi fod yn bresennol.

Byddwn yn ysgrifennu atoch pan fydd dyddiad newydd wedi'i bennu neu pan fydd newyddion eraill am eich achos.`,
        sms: 'Ni fydd y gwrandawiad yn achos ((caseReference)) ar ((hearingDate)) yn mynd yn ei flaen. Nid oes angen i chi fod yn bresennol. Byddwn yn ysgrifennu atoch.',
      },
    },
  },
  {
    id: 'cases.case-issued',
    version: 1,
    description: 'The court issued the case: its reference, and that we will say what happens next',
    channels: ['letter', 'email'],
    placeholders: {
      partyName,
      caseReference,
      courtName: {
        kind: 'text',
        description:
          'The court that issued the case, with its article ("the Family Court", "y Llys Teulu"), so "gan" takes it unmutated',
      },
      issuedDate: { kind: 'date', description: 'The day the case was issued' },
    },
    wording: {
      en: {
        subject: 'Your case has been issued: ((caseReference))',
        body: `Dear ((partyName))

Your case was issued by ((courtName)) on ((issuedDate)). Your case reference is ((caseReference)). Quote it whenever you contact us.

We will tell you what happens next, including the date of any hearing. You do not need to do anything now.`,
      },
      cy: {
        subject: "Mae eich achos wedi'i gyhoeddi: ((caseReference))",
        body: `Annwyl ((partyName))

Cafodd eich achos ei gyhoeddi ar ((issuedDate)) gan ((courtName)). Cyfeirnod eich achos yw ((caseReference)). Dyfynnwch y cyfeirnod hwn bob tro y byddwch yn cysylltu â ni.

Byddwn yn rhoi gwybod i chi beth fydd yn digwydd nesaf, gan gynnwys dyddiad unrhyw wrandawiad. Nid oes angen i chi wneud dim ar hyn o bryd.`,
      },
    },
  },
  {
    id: 'cases.decision-made',
    version: 1,
    description: 'A decision was made: where to read it and until when an appeal can be made',
    channels: ['letter', 'email'],
    placeholders: {
      partyName,
      caseReference,
      decisionDate: { kind: 'date', description: 'The day the decision was made' },
      appealDeadline: { kind: 'date', description: 'The last day to appeal' },
    },
    wording: {
      en: {
        subject: 'A decision has been made: case ((caseReference))',
        body: `Dear ((partyName))

A decision was made in case ((caseReference)) on ((decisionDate)). The decision and the reasons for it are set out in the decision document, which we have sent to you.

If you disagree with the decision, you may be able to appeal. You must do so by ((appealDeadline)).`,
      },
      cy: {
        subject: "Mae penderfyniad wedi'i wneud: achos ((caseReference))",
        body: `Annwyl ((partyName))

Gwnaed penderfyniad yn achos ((caseReference)) ar ((decisionDate)). Mae'r penderfyniad a'r rhesymau drosto wedi'u nodi yn nogfen y penderfyniad, yr ydym wedi'i hanfon atoch.

Os ydych yn anghytuno â'r penderfyniad, efallai y gallwch apelio. Rhaid i chi wneud hynny erbyn ((appealDeadline)).`,
      },
    },
  },
  {
    // CPR 13: a judgment in default is set aside (or varied) on the defendant's application, not appealed, and
    // the application is to be made promptly; the letter says so rather than giving a time to appeal.
    id: 'cases.default-judgment-entered',
    version: 1,
    description: 'Judgment in default was entered: that it can be set aside on application, and where to read it',
    channels: ['letter', 'email'],
    placeholders: {
      partyName,
      caseReference,
      judgmentDate: { kind: 'date', description: 'The day judgment in default was entered' },
    },
    wording: {
      en: {
        subject: 'Judgment in default has been entered: case ((caseReference))',
        body: `Dear ((partyName))

Judgment in default was entered in case ((caseReference)) on ((judgmentDate)), because the court did not receive a response to the claim in the time allowed. The judgment is set out in the judgment document, which we have sent to you.

If you are the defendant and you think the judgment should not have been entered, you can apply to the court to set it aside or vary it. Apply as soon as you can: the court takes into account how promptly you applied. If the judgment is not paid, it can be enforced.`,
      },
      cy: {
        subject: "Mae dyfarniad diffyg wedi'i roi: achos ((caseReference))",
        body: `Annwyl ((partyName))

Rhoddwyd dyfarniad diffyg yn achos ((caseReference)) ar ((judgmentDate)), oherwydd na chafodd y llys ymateb i'r hawliad o fewn yr amser a ganiateir. Mae'r dyfarniad wedi'i nodi yn nogfen y dyfarniad, yr ydym wedi'i hanfon atoch.

Os mai chi yw'r diffynnydd a'ch bod yn credu na ddylai'r dyfarniad fod wedi'i roi, gallwch wneud cais i'r llys i'w roi o'r neilltu neu ei amrywio. Gwnewch gais cyn gynted ag y gallwch: mae'r llys yn ystyried pa mor brydlon y gwnaethoch gais. Os na chaiff y dyfarniad ei dalu, gellir ei orfodi.`,
      },
    },
  },
];
