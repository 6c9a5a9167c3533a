import { randomUUID } from 'node:crypto';

/** One hostile value and the name a failure is reported under. */
export interface Hostile {
  label: string;
  value: unknown;
}

export const NUL: Hostile = { label: 'NUL byte', value: 'A\u0000B' };
/** Half a surrogate pair, no character: validator.js's isEmail threw on it and jsonb refused it in an event. */
const LONE_SURROGATE: Hostile = { label: 'a lone surrogate', value: 'a\ud800@example.com' };
const LONG: Hostile = { label: '100,000 characters', value: 'x'.repeat(100_000) };
const UNKNOWN: Hostile = { label: 'unknown enum value', value: 'not-a-known-value' };
const YEAR_1000: Hostile = { label: 'year 1000', value: '1000-01-01T00:00:00Z' };
const YEAR_9999: Hostile = { label: 'year 9999', value: '9999-12-31T23:59:59Z' };
const DAY_1000: Hostile = { label: 'year 1000 (day)', value: '1000-01-01' };
const DAY_9999: Hostile = { label: 'year 9999 (day)', value: '9999-12-31' };
/** Some day fields also take a month (MI periods): the last month of year 9999, whose next is in year 10000. */
const MONTH_9999: Hostile = { label: 'year 9999 (month)', value: '9999-12' };
const NUMBERS: Hostile[] = [
  { label: '2^31', value: 2 ** 31 },
  { label: '1e20', value: 1e20 },
  { label: 'negative', value: -1 },
];

/** A cursor is the platform's base64url JSON of [time, id]: forged ones name an id of the wrong kind. */
const forgedCursor = (id: string) => Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', id])).toString('base64url');
const FORGED_CURSORS: Hostile[] = [
  { label: 'a cursor naming no uuid', value: forgedCursor('not-a-uuid') },
  { label: 'a cursor naming a NUL byte', value: forgedCursor('a\u0000b') },
  { label: 'a cursor naming a lone surrogate', value: forgedCursor('\ud800') },
];

export const NULL: Hostile = { label: 'null', value: null };
/** An array where an object belongs: class-validator's nested validation alone checks nothing in it. */
const ARRAY_FOR_OBJECT: Hostile = { label: 'an array for an object', value: [] };
const TEXT_FOR_OBJECT: Hostile = { label: 'text for an object', value: 'text' };
const OBJECT_FOR_LIST: Hostile = { label: 'an object for a list', value: {} };
const LIST_IN_LIST: Hostile = { label: 'a list in the list', value: [[]] };

/** JSON nested 5,000 deep, as text (JSON.stringify would refuse nothing, but building it is quicker). */
export const DEEP_JSON = `{"a":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;

/** What a field holds, as far as the sweep needs to know. */
export interface FieldShape {
  kind: 'string' | 'number' | 'boolean' | 'object' | 'array' | 'unknown';
  /** A date-time (`date-time`) or a London day (`date`): gets out-of-range years. */
  temporal?: 'date-time' | 'date';
  /** Declared as one of a set of values: gets a value outside it. */
  enumLike?: boolean;
  /** A page's position (`cursor`, `after`): gets forged cursors. */
  cursor?: boolean;
}

/** The hostile values a field of that shape gets. */
export function hostileValuesFor(shape: FieldShape): Hostile[] {
  switch (shape.kind) {
    case 'string':
      return [
        NUL,
        LONE_SURROGATE,
        LONG,
        ...(shape.enumLike ? [UNKNOWN] : []),
        ...(shape.cursor ? FORGED_CURSORS : []),
        ...(shape.temporal === 'date-time'
          ? [YEAR_1000, YEAR_9999]
          : shape.temporal === 'date'
            ? [DAY_1000, DAY_9999, MONTH_9999]
            : []),
      ];
    case 'number':
      return NUMBERS;
    case 'object':
      return [ARRAY_FOR_OBJECT, TEXT_FOR_OBJECT];
    case 'array':
      return [OBJECT_FOR_LIST, LIST_IN_LIST];
    default:
      return [];
  }
}

/** Real records the sweep aims at, so calls get past "not found" to what they do with their input. */
export interface Seeded {
  caseId: string;
  enquiryId: string;
  complaintId: string;
  paymentId: string;
}

/**
 * The id a field or path parameter takes: a seeded record's when its name (or, for a bare `id`, the
 * route or operation it belongs to) says which, else a random UUID.
 */
export function idFor(name: string, context: string, seeded: Seeded): string {
  const kind = name === 'id' ? context : name;
  if (/complaint/i.test(kind)) return seeded.complaintId;
  if (/enquir/i.test(kind)) return seeded.enquiryId;
  if (/payments\/|paymentId/i.test(kind)) return seeded.paymentId;
  if (/^caseId$|cases\/$|^case$/i.test(kind)) return seeded.caseId;
  return randomUUID();
}

/** A plausible value for a field the call needs but the sweep is not attacking. */
export function plausible(shape: FieldShape, name: string, context: string, seeded: Seeded): unknown {
  switch (shape.kind) {
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      if (shape.temporal === 'date-time') return '2026-04-02T10:00:00Z';
      if (shape.temporal === 'date') return '2026-04-02';
      if (name === 'storeReference') return 'dm-store://documents/sweep';
      return /id$/i.test(name) ? idFor(name, context, seeded) : 'sweep';
  }
}
