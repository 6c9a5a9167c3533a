import type { ComplaintProps } from './complaint';

type Language = ComplaintProps['language'];

/**
 * What a complaint's category is called in a letter, in English and Welsh. Categories stay open codes
 * (an escalated enquiry brings its own), so a draft names only a category found here: a code the
 * register does not know is left out of the letter rather than shown untranslated to the complainant.
 * The Welsh was written by the team and needs the Welsh Language Unit's review before go-live.
 */
export const COMPLAINT_CATEGORY_NAMES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  delay: { en: 'delay', cy: 'oedi' },
  'staff-conduct': { en: 'the conduct of our staff', cy: 'ymddygiad ein staff' },
  fees: { en: 'fees', cy: 'ffioedd' },
  hearing: { en: 'a hearing', cy: 'gwrandawiad' },
  service: { en: 'the service you received', cy: 'y gwasanaeth a gawsoch' },
  communication: { en: 'how we communicated with you', cy: 'sut y gwnaethom gyfathrebu â chi' },
  'personal-data-breach': {
    en: 'the handling of your personal data',
    cy: 'y modd y cafodd eich data personol ei drin',
  },
  'data-handling': { en: 'the handling of your personal data', cy: 'y modd y cafodd eich data personol ei drin' },
  accessibility: { en: 'access to our services', cy: "mynediad i'n gwasanaethau" },
  'welsh-language': { en: 'our Welsh language service', cy: 'ein gwasanaeth Cymraeg' },
  general: { en: 'our service', cy: 'ein gwasanaeth' },
};

/** The category as a letter names it in `language`, or undefined when the register does not know the code. */
export function categoryName(code: string, language: Language): string | undefined {
  return Object.hasOwn(COMPLAINT_CATEGORY_NAMES, code) ? COMPLAINT_CATEGORY_NAMES[code]?.[language] : undefined;
}
