import type { TemplateDefinition } from './template-definition';

// The Welsh was written by the team and needs the Welsh Language Unit's review before go-live.

const complainantName = { kind: 'text', description: "The complainant's name" } as const;
const complaintReference = { kind: 'text', description: 'The complaint reference' } as const;

/** Complaints: acknowledgement, each stage's response, and the right to go to the Ombudsman. */
export const COMPLAINTS_TEMPLATES: readonly TemplateDefinition[] = [
  {
    id: 'complaints.complaint-acknowledged',
    version: 1,
    description: 'A complaint arrived: its reference and when the response is due',
    channels: ['letter', 'email'],
    placeholders: {
      complainantName,
      complaintReference,
      receivedDate: { kind: 'date', description: 'The day the complaint arrived' },
      responseDueDate: { kind: 'date', description: "The day the stage's response is due" },
    },
    wording: {
      en: {
        subject: 'We have received your complaint: ((complaintReference))',
        body: `Dear ((complainantName))

Thank you for your complaint, which we received on ((receivedDate)). Its reference is ((complaintReference)).

We will look into it and send you our response by ((responseDueDate)). If we need more time, we will tell you why and when to expect it.`,
      },
      cy: {
        subject: 'Rydym wedi cael eich cwyn: ((complaintReference))',
        body: `Annwyl ((complainantName))

Diolch am eich cwyn, a ddaeth i law ar ((receivedDate)). Ei chyfeirnod yw ((complaintReference)).

Byddwn yn ymchwilio iddi ac yn anfon ein hymateb atoch erbyn ((responseDueDate)). Os bydd angen mwy o amser arnom, byddwn yn dweud wrthych pam a phryd i'w ddisgwyl.`,
      },
    },
  },
  {
    id: 'complaints.stage-response',
    version: 1,
    description: "A stage's response: the findings, and how to take the complaint to the next stage",
    channels: ['letter', 'email'],
    placeholders: {
      complainantName,
      complaintReference,
      stage: { kind: 'text', description: 'The stage answered, 1 or 2 (stage 3 ends with escalation rights)' },
      findings: {
        kind: 'paragraphs',
        description: "The investigator's findings, written in the letter's language, in paragraphs",
      },
      escalateBy: { kind: 'date', description: 'The last day to ask for the next stage' },
    },
    wording: {
      en: {
        subject: 'Our response to your complaint: ((complaintReference))',
        body: `Dear ((complainantName))

This is our stage ((stage)) response to your complaint ((complaintReference)).

((findings))

If you are not satisfied with this response, you can ask us to take your complaint to the next stage. Please do so by ((escalateBy)) and tell us why you are not satisfied.`,
      },
      cy: {
        subject: "Ein hymateb i'ch cwyn: ((complaintReference))",
        body: `Annwyl ((complainantName))

Dyma ein hymateb cam ((stage)) i'ch cwyn ((complaintReference)).

((findings))

Os nad ydych yn fodlon â'r ymateb hwn, gallwch ofyn i ni symud eich cwyn i'r cam nesaf. Gwnewch hynny erbyn ((escalateBy)) a dywedwch wrthym pam nad ydych yn fodlon.`,
      },
    },
  },
  {
    id: 'complaints.escalation-rights',
    version: 1,
    description: 'The final response was sent: the right to ask an MP to refer the complaint to the Ombudsman',
    channels: ['letter', 'email'],
    placeholders: {
      complainantName,
      complaintReference,
      finalResponseDate: { kind: 'date', description: 'The day the final (stage 3) response was sent' },
    },
    wording: {
      en: {
        subject: 'If you are still unhappy: complaint ((complaintReference))',
        body: `Dear ((complainantName))

We sent our final response to your complaint ((complaintReference)) on ((finalResponseDate)). This is the end of our complaints procedure.

If you are still unhappy, you can ask your MP to refer your complaint to the Parliamentary and Health Service Ombudsman, which is independent of HMCTS. The Ombudsman usually expects a complaint to be referred within 12 months of when you first became aware of the problem.`,
      },
      cy: {
        subject: 'Os ydych yn dal yn anfodlon: cwyn ((complaintReference))',
        body: `Annwyl ((complainantName))

Anfonwyd ein hymateb terfynol i'ch cwyn ((complaintReference)) ar ((finalResponseDate)). Dyma ddiwedd ein gweithdrefn gwyno.

Os ydych yn dal yn anfodlon, gallwch ofyn i'ch Aelod Seneddol gyfeirio eich cwyn at yr Ombwdsmon Seneddol a Gwasanaeth Iechyd, sy'n annibynnol ar GLlTEF. Fel arfer, mae'r Ombwdsmon yn disgwyl i gŵyn gael ei chyfeirio cyn pen 12 mis ar ôl i chi ddod yn ymwybodol o'r broblem am y tro cyntaf.`,
      },
    },
  },
];
