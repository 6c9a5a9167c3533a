import type { RenderLanguage } from '../language/choose-language';
import type { Template } from '../templates/load-templates';
import { fillPlaceholders } from '../templates/placeholder-syntax';
import type { Language } from '../templates/template-definition';
import { formatPlaceholderValue, PlaceholderValueError, type PlaceholderValues } from './format-placeholder-value';

/** One language's text of an item, as the reader gets it. */
export interface RenderedSection {
  language: Language;
  subject: string;
  paragraphs: string[];
  sms?: string;
}

/** An item's text: `subject` and `body` for an email, `sms` for a text, `sections` for a letter's pages. */
export interface RenderedText {
  templateId: string;
  templateVersion: number;
  language: RenderLanguage;
  subject: string;
  body: string;
  sms?: string;
  /** In reading order: Welsh first when bilingual. */
  sections: RenderedSection[];
}

// Between the Welsh and the English of a bilingual email, a line a reader sees as "the other language".
const LANGUAGE_BREAK = '---';

/**
 * Fills the template in the language chosen (see chooseLanguage). Every declared placeholder needs a
 * value of its kind, and no other value is accepted, so a wiring mistake fails here, naming the
 * template and placeholder, rather than in a letter.
 */
export function render(template: Template, language: RenderLanguage, values: PlaceholderValues): RenderedText {
  for (const name of Object.keys(values))
    if (!(name in template.placeholders))
      throw new PlaceholderValueError(template.id, name, 'is not a placeholder of this template');
  const languages: Language[] = language === 'bilingual' ? ['cy', 'en'] : [language];
  const sections = languages.map((lang) => renderSection(template, lang, values));
  const smsTexts = sections.flatMap((section) => (section.sms === undefined ? [] : [section.sms]));
  return {
    templateId: template.id,
    templateVersion: template.version,
    language,
    subject: sections.map((s) => s.subject).join(' / '),
    body: sections.map((s) => s.paragraphs.join('\n\n')).join(`\n\n${LANGUAGE_BREAK}\n\n`),
    ...(smsTexts.length ? { sms: smsTexts.join('\n\n') } : {}),
    sections,
  };
}

function renderSection(template: Template, language: Language, values: PlaceholderValues): RenderedSection {
  const formatted = new Map<string, string>();
  for (const [name, { kind }] of Object.entries(template.placeholders)) {
    const result = formatPlaceholderValue(kind, values[name], language);
    if ('problem' in result) throw new PlaceholderValueError(template.id, name, result.problem);
    formatted.set(name, result.text);
  }
  // loadTemplates() has checked that every placeholder in the wording is declared.
  const fill = (text: string) => fillPlaceholders(text, (name) => formatted.get(name) as string);
  const wording = template.wording[language];
  return {
    language,
    subject: fill(wording.subject),
    paragraphs: wording.body
      .split(/\n[ \t]*\n/)
      .map((paragraph) => fill(paragraph.trim()))
      .filter(Boolean),
    ...(wording.sms === undefined ? {} : { sms: fill(wording.sms) }),
  };
}
