import { isPlaceholderName, scanPlaceholders } from './placeholder-syntax';
import {
  CHANNELS,
  PLACEHOLDER_KINDS,
  type Language,
  type TemplateDefinition,
  type TemplateWording,
} from './template-definition';
import { CORRESPONDENCE_TEMPLATES } from './correspondence-templates';

/** A template that passed the checks of loadTemplates(); frozen, so nothing edits it after the check. */
export type Template = Readonly<TemplateDefinition>;

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', cy: 'Welsh' };
const ID = /^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$/;

/** The set failed its checks: every problem found, each naming its template. */
export class TemplateSetError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Correspondence templates are invalid:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'TemplateSetError';
  }
}

export class UnknownTemplateError extends Error {
  constructor(id: string, version?: number) {
    super(`No correspondence template ${id}${version === undefined ? '' : ` version ${version}`}`);
    this.name = 'UnknownTemplateError';
  }
}

/** Every version of every template, checked; the latest version of an id is what new items use. */
export class TemplateSet {
  private readonly byId = new Map<string, Template[]>();

  constructor(templates: readonly Template[]) {
    for (const template of templates) {
      const versions = this.byId.get(template.id) ?? [];
      versions.push(template);
      versions.sort((a, b) => a.version - b.version);
      this.byId.set(template.id, versions);
    }
  }

  /** The latest version, or the version asked for (to render a recorded item again as it was sent). */
  get(id: string, version?: number): Template {
    const versions = this.byId.get(id) ?? [];
    const found = version === undefined ? versions.at(-1) : versions.find((t) => t.version === version);
    if (!found) throw new UnknownTemplateError(id, version);
    return found;
  }

  /** The latest version of each template, by id. */
  latest(): Template[] {
    return [...this.byId.values()].map((versions) => versions.at(-1) as Template);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }
}

/**
 * Checks the templates and returns them as a set, or throws TemplateSetError listing every problem:
 * services call it at start-up, so a template that would print "((amount))" to a defendant, or
 * leave a Welsh speaker with English, stops the service instead of reaching anyone.
 */
export function loadTemplates(definitions: readonly TemplateDefinition[] = CORRESPONDENCE_TEMPLATES): TemplateSet {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const definition of definitions) {
    const name = `${definition.id} version ${definition.version}`;
    const key = `${definition.id}@${definition.version}`;
    if (seen.has(key)) problems.push(`${name}: is defined twice`);
    seen.add(key);
    problems.push(...templateProblems(definition).map((problem) => `${name}: ${problem}`));
  }
  if (problems.length) throw new TemplateSetError(problems);
  return new TemplateSet(definitions.map((definition) => deepFreeze(structuredClone(definition))));
}

function templateProblems(definition: TemplateDefinition): string[] {
  const problems: string[] = [];
  if (!ID.test(definition.id)) problems.push('its id must read "<service>.<what-it-is>" in lower case');
  if (!Number.isInteger(definition.version) || definition.version < 1)
    problems.push('its version must be a whole number from 1');
  if (!definition.channels.length) problems.push('names no channel');
  for (const channel of definition.channels)
    if (!CHANNELS.includes(channel)) problems.push(`names an unknown channel "${channel}"`);

  const declared = Object.entries(definition.placeholders ?? {});
  for (const [placeholder, { kind }] of declared) {
    if (!isPlaceholderName(placeholder)) problems.push(`placeholder "${placeholder}" must be a camelCase name`);
    if (!PLACEHOLDER_KINDS.includes(kind))
      problems.push(`placeholder ((${placeholder})) has an unknown kind "${kind}"`);
  }
  const names = new Set(declared.map(([placeholder]) => placeholder));

  for (const language of ['en', 'cy'] as const) {
    const wording = (definition.wording as Partial<Record<Language, TemplateWording>>)[language];
    const languageName = LANGUAGE_NAMES[language];
    if (!wording) {
      problems.push(`has no ${languageName} version`);
      continue;
    }
    problems.push(...wordingProblems(wording, languageName, names, definition.channels.includes('sms')));
  }
  const { en, cy } = definition.wording as Partial<Record<Language, TemplateWording>>;
  if (en && cy && en.body.trim() === cy.body.trim()) problems.push('its Welsh body is a copy of the English');
  return problems;
}

function wordingProblems(
  wording: TemplateWording,
  languageName: string,
  declared: ReadonlySet<string>,
  sendsSms: boolean,
): string[] {
  const problems: string[] = [];
  const parts: [string, string | undefined][] = [
    ['subject', wording.subject],
    ['body', wording.body],
    ['text message', wording.sms],
  ];
  for (const [part, text] of parts) {
    if (text === undefined) continue;
    if (!text.trim()) problems.push(`its ${languageName} ${part} is empty`);
    const { names, malformed } = scanPlaceholders(text);
    for (const bad of malformed) problems.push(`its ${languageName} ${part} has a malformed placeholder ${bad}`);
    for (const used of new Set(names))
      if (!declared.has(used)) problems.push(`its ${languageName} ${part} uses an undeclared placeholder ((${used}))`);
  }
  // Every fact a template declares must reach the reader of the full text, in both languages; the
  // text message alone is allowed to leave facts out, to stay short.
  const inFullText = new Set(scanPlaceholders(`${wording.subject}\n${wording.body}`).names);
  for (const placeholder of declared)
    if (!inFullText.has(placeholder))
      problems.push(`its ${languageName} version does not use the declared placeholder ((${placeholder}))`);
  if (sendsSms && wording.sms === undefined) problems.push(`goes by SMS but has no ${languageName} text message`);
  if (!sendsSms && wording.sms !== undefined)
    problems.push(`has a ${languageName} text message but does not go by SMS`);
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
