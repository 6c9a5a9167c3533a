// GOV.UK Notify's placeholder syntax, `((name))`. Names are camelCase, as the values' keys are in code.
const PLACEHOLDER = /\(\(([^()]*)\)\)/g;
const NAME = /^[a-z][A-Za-z0-9]*$/;

export function isPlaceholderName(name: string): boolean {
  return NAME.test(name);
}

/**
 * The placeholders a text uses, in order, and what in it only looks like one: a name that is not
 * camelCase, or a "((" or "))" left unpaired (a typo that would otherwise reach the reader).
 */
export function scanPlaceholders(text: string): { names: string[]; malformed: string[] } {
  const names: string[] = [];
  const malformed: string[] = [];
  for (const [whole, name] of text.matchAll(PLACEHOLDER)) {
    if (isPlaceholderName(name ?? '')) names.push(name as string);
    else malformed.push(whole);
  }
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('((') || rest.includes('))')) malformed.push('an unpaired "((" or "))"');
  return { names, malformed };
}

/** The text with each placeholder replaced by what `valueOf` gives for its name. */
export function fillPlaceholders(text: string, valueOf: (name: string) => string): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => valueOf(name));
}
