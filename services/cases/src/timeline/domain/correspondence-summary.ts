import { CORRESPONDENCE_TEMPLATES, type RenderLanguage } from '@ccsc/correspondence';

const CHANNEL_NAMES: Record<string, string> = { letter: 'Letter', email: 'Email', sms: 'Text message' };
const LANGUAGE_NAMES: Record<string, string> = { en: 'English', cy: 'Welsh', bilingual: 'Welsh and English' };
const DESCRIPTIONS = new Map(CORRESPONDENCE_TEMPLATES.map((t) => [t.id, t.description]));

/** What a timeline entry says of a letter, email or text: how, to whom, in which language, and what for. */
export interface CorrespondenceLine {
  /** Absent when it could not be sent: no way to reach the recipient by the template's channels was held. */
  channel?: string;
  language: RenderLanguage | string;
  /** Who it went to, by role, never by name: "claimant", "complainant". */
  to: string;
  template: string;
}

/**
 * One timeline line for any item, whichever service recorded it: the recipient's role and the template's
 * description, never the recipient's name or address (a timeline line is read in lists and exports).
 */
export function correspondenceSummary({ channel, language, to, template }: CorrespondenceLine): string {
  const what = DESCRIPTIONS.get(template) ?? template;
  return channel
    ? `${CHANNEL_NAMES[channel] ?? channel} to the ${to} (${LANGUAGE_NAMES[language] ?? language}): ${what}`
    : `Not sent: no way to reach the ${to} is held: ${what}`;
}
