import type { Channel, Language } from '../templates/template-definition';

/** What a recipient told us, or that they have not. */
export type LanguagePreference = 'en' | 'cy' | 'cy-and-en' | 'unknown';

/** The language an item is rendered in: one of the two, or both with Welsh first. */
export type RenderLanguage = Language | 'bilingual';

export interface LanguageChoiceFacts {
  preference: LanguagePreference;
  channel: Channel;
  /** The recipient's address (or the case's court) is in Wales. */
  inWales: boolean;
  /** The template asks for both languages whenever the preference is unknown. */
  bilingualWhenPreferenceUnknown?: boolean;
}

/**
 * The language of one item, after the Welsh Language Standards on correspondence:
 * - a person who chose Welsh is written to in Welsh, and one who chose English in English: a stated
 *   choice is honoured on every channel (correspond in the language the person has chosen);
 * - a letter or email to someone who asked for both languages, or whose preference we do not know but
 *   who lives in Wales, goes in both, because when you do not know whether a person wishes to
 *   correspond in Welsh the Standards have you write bilingually, and Welsh must not be treated less
 *   favourably than English, so it comes first. A template for a court order served on a person can
 *   ask for both whenever the preference is unknown, wherever the person lives;
 * - a text has room for one language only: Welsh for someone who asked for both (Welsh is not to be
 *   treated less favourably), English when we do not know.
 */
export function chooseLanguage(facts: LanguageChoiceFacts): RenderLanguage {
  if (facts.preference === 'cy' || facts.preference === 'en') return facts.preference;
  if (facts.channel === 'sms') return facts.preference === 'cy-and-en' ? 'cy' : 'en';
  if (facts.preference === 'cy-and-en') return 'bilingual';
  return facts.inWales || facts.bilingualWhenPreferenceUnknown ? 'bilingual' : 'en';
}
