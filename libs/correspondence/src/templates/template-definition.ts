/** The two languages every template is written in. */
export type Language = 'en' | 'cy';

export type Channel = 'letter' | 'email' | 'sms';

export const CHANNELS: readonly Channel[] = ['letter', 'email', 'sms'];

/**
 * How a placeholder's value is given and shown:
 * - `text`: a string on one line (names, references, a venue): line breaks and control characters in it
 *   become spaces, so a value never starts a paragraph, heading or list of its own;
 * - `paragraphs`: an officer's own words (a complaint's findings), kept in their paragraphs;
 * - `money`: integer pence, shown as pounds ("£1,234.56"), as money is held everywhere;
 * - `date`: a Europe/London day ('YYYY-MM-DD', or an instant read as its London day), shown long
 *   form in the text's language ("18 December 2026", "18 Rhagfyr 2026").
 */
export type PlaceholderKind = 'text' | 'paragraphs' | 'money' | 'date';

export const PLACEHOLDER_KINDS: readonly PlaceholderKind[] = ['text', 'paragraphs', 'money', 'date'];

export interface PlaceholderDefinition {
  kind: PlaceholderKind;
  /** What the value is, for whoever wires an event to the template. */
  description: string;
}

/**
 * One language's wording. Placeholders are written as GOV.UK Notify writes them, `((name))`, so the
 * same text can be pasted into a Notify template if a service ever sends through Notify's own templates.
 */
export interface TemplateWording {
  /** The email subject and the letter's heading. */
  subject: string;
  /** Paragraphs separated by a blank line; every declared placeholder appears here. */
  body: string;
  /** The text message, when the template can go by SMS: short, so it may leave placeholders out. */
  sms?: string;
}

/**
 * A template as written in src/templates/: data, checked by loadTemplates() before anything is sent.
 * A change of wording is a new version (the same id, version + 1), so a recorded item can always be
 * rendered again exactly as it was sent.
 */
export interface TemplateDefinition {
  /** '<service>.<what>', e.g. 'enforcement.further-steps-notice'. */
  id: string;
  version: number;
  description: string;
  channels: readonly Channel[];
  placeholders: Readonly<Record<string, PlaceholderDefinition>>;
  /**
   * A letter from this template goes in both languages, Welsh first, whenever the recipient's
   * preference is not known, wherever they live (see chooseLanguage). For court orders served on a
   * person, where misunderstanding has consequences.
   */
  bilingualWhenPreferenceUnknown?: boolean;
  wording: Readonly<Record<Language, TemplateWording>>;
}
