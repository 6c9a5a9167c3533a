import { londonLocalDate, longDate } from '@ccsc/calendar';
import { BadUserInputError } from '@ccsc/platform/errors';
import type { Stage } from './clocks';
import { categoryName } from './complaint-categories';
import type { ComplaintProps } from './complaint';

type Language = ComplaintProps['language'];

export interface ResponseTemplate {
  id: string;
  stage: Stage;
  title: string;
}

/** The facts a draft is filled with; case references come from the case-access projection. */
export interface ResponseFacts {
  complaint: Readonly<ComplaintProps>;
  stage: Stage;
  caseReferences: string[];
  /** The investigator's findings; a marker for them to write when not given yet. */
  findings?: string;
}

// The Welsh was written by the team and needs the Welsh Language Unit's review before go-live.
const WORDING: Readonly<
  Record<
    Language,
    { body: string; about: string; onCase: string; findings: string; nextStep: Readonly<Record<Stage, string>> }
  >
> = {
  en: {
    body: 'Complaint {{reference}}\n\nThank you for your complaint, received on {{receivedDate}}{{categorySentence}}{{caseSentence}}.\n\n{{findings}}\n\n{{nextStep}}',
    about: ', about ',
    onCase: ' on case ',
    findings: '[Findings of the investigation]',
    nextStep: {
      1: 'If you are not satisfied with this response, you can ask for your complaint to be reviewed by a senior manager (stage 2).',
      2: 'If you are still not satisfied, you can appeal to our customer investigations team (stage 3).',
      3: 'This is our final response. If you remain unhappy, you can ask your MP to refer your complaint to the Parliamentary and Health Service Ombudsman.',
    },
  },
  cy: {
    body: 'Cwyn {{reference}}\n\nDiolch am eich cwyn, a ddaeth i law ar {{receivedDate}}{{categorySentence}}{{caseSentence}}.\n\n{{findings}}\n\n{{nextStep}}',
    about: ', ynghylch ',
    onCase: ' ar achos ',
    findings: "[Canfyddiadau'r ymchwiliad]",
    nextStep: {
      1: "Os nad ydych yn fodlon â'r ymateb hwn, gallwch ofyn i uwch reolwr adolygu eich cwyn (cam 2).",
      2: "Os nad ydych yn fodlon o hyd, gallwch apelio i'n tîm ymchwiliadau cwsmeriaid (cam 3).",
      3: "Dyma ein hymateb terfynol. Os ydych yn dal yn anfodlon, gallwch ofyn i'ch Aelod Seneddol gyfeirio eich cwyn at yr Ombwdsmon Seneddol a Gwasanaeth Iechyd.",
    },
  },
};

/** Drafts that officers start from, one per stage, in the complainant's language (English or Welsh). */
export const RESPONSE_TEMPLATES: readonly ResponseTemplate[] = [
  { id: 'stage-1-response', stage: 1, title: 'Stage 1 response' },
  { id: 'stage-2-senior-review', stage: 2, title: 'Stage 2 senior review' },
  { id: 'stage-3-appeal-response', stage: 3, title: 'Stage 3 customer investigations appeal' },
];

export function templateFor(id: string, stage: Stage): ResponseTemplate {
  const template = RESPONSE_TEMPLATES.find((t) => t.id === id);
  if (!template)
    throw new BadUserInputError('Unknown response template', [
      { field: 'templateId', message: `must be one of ${RESPONSE_TEMPLATES.map((t) => t.id).join(', ')}` },
    ]);
  if (template.stage !== stage)
    throw new BadUserInputError('The template is for another stage', [
      { field: 'templateId', message: `is for stage ${template.stage}, the complaint is at stage ${stage}` },
    ]);
  return template;
}

/** Fills a template with the complaint's and its cases' facts, in the complaint's language. */
export function renderResponse(template: ResponseTemplate, facts: ResponseFacts): string {
  const { complaint } = facts;
  const wording = WORDING[complaint.language];
  const category = categoryName(complaint.category, complaint.language);
  const refs = facts.caseReferences.map((r) => (/^\d{16}$/.test(r) ? r.replace(/(\d{4})(?=\d)/g, '$1-') : r));
  const values: Record<string, string> = {
    reference: complaint.reference,
    receivedDate: longDate(londonLocalDate(complaint.receivedAt), complaint.language),
    // The sub-category is the service's own taxonomy, for root-cause figures; the letter names the category.
    categorySentence: category ? `${wording.about}${category}` : '',
    caseSentence: refs.length ? `${wording.onCase}${refs.join(', ')}` : '',
    findings: facts.findings ?? wording.findings,
    nextStep: wording.nextStep[template.stage],
  };
  return wording.body.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}
