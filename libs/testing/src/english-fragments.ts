/**
 * English words that have no place in Welsh output. Words that are also Welsh ("a", "i", "am", "ar",
 * "hi", "man", "paid", "data", "staff") are left out, so a hit is an English fragment, not a false alarm.
 */
const ENGLISH_WORDS = new Set(
  (
    'the and of to is are was has have not yet been this that with from for your you our case cases party ' +
    'claimant defendant applicant respondent appellant donor attorney subject person review fee fees ' +
    'ends ended end possible only once time allowed day days step earlier add names decision recorded ' +
    'documents accepted referral open still waiting yes no running about minute minutes late started ' +
    'adjourned vacated because heard already reason complaint received thank delay conduct hearing ' +
    'service handling personal access welsh language what happens next stage response'
  ).split(' '),
);

/** The English words found in a text meant to be Welsh, in order. */
export function englishFragments(welsh: string): string[] {
  return (welsh.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => ENGLISH_WORDS.has(word));
}
