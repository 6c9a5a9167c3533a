// The people the search benchmarks generate and look up (case-search, enquiry-search, complaint-search):
// their names, the SQL that draws a surname for each generated row, what an officer types to find them,
// and the set-based generation of the rows in a few sessions side by side. One population for all three,
// so that a name search costs the same kind of work in each service and their figures compare.
import type { DataSource, QueryRunner } from 'typeorm';
import { log, timed } from './harness';

/** Enquiries and complaints are received over the last two years. */
export const TWO_YEARS_DAYS = 730;

/**
 * First names. The case search's parties take the first 40 only (its figures were taken with those);
 * contacts and complainants take them all.
 */
export const FIRST_NAMES = [
  'Alex',
  'Sam',
  'Jordan',
  'Priya',
  'Mohammed',
  'Olivia',
  'Chen',
  'Siobhan',
  'Dafydd',
  'Grace',
  'Oliver',
  'Amelia',
  'Harry',
  'Isla',
  'George',
  'Ava',
  'Noah',
  'Mia',
  'Jack',
  'Emily',
  'Leo',
  'Sophia',
  'Arthur',
  'Ella',
  'Muhammad',
  'Freya',
  'Oscar',
  'Aisha',
  'Rhys',
  'Carys',
  'Ewan',
  'Niamh',
  'Ravi',
  'Anjali',
  'Tomasz',
  'Zofia',
  'Kwame',
  'Abena',
  'Liam',
  'Fatima',
  'John',
  'Joan',
  'Joseph',
  'Josephine',
  'Margaret',
  'David',
  'Susan',
  'Peter',
  'Elizabeth',
  'Michael',
  'Sarah',
  'James',
  'Helen',
  'Robert',
  'Karen',
  'Paul',
  'Julie',
  'Andrew',
  'Claire',
  'Mark',
  'Joanne',
  'Stephen',
  'Rachel',
  'Gareth',
  'Bethan',
  'Ian',
  'Nicola',
  'Daniel',
  'Laura',
  'Thomas',
  'Hannah',
  'Matthew',
  'Rebecca',
  'Christopher',
  'Jennifer',
  'Richard',
  'Lucy',
  'Kevin',
  'Amy',
  'Sean',
];
/** Ordered roughly by frequency: the generator favours the first (Smith about 1% of people, as in England). */
export const COMMON_SURNAMES = [
  'Smith',
  'Jones',
  'Williams',
  'Taylor',
  'Brown',
  'Davies',
  'Evans',
  'Wilson',
  'Thomas',
  'Johnson',
  'Roberts',
  'Robinson',
  'Thompson',
  'Wright',
  'Walker',
  'White',
  'Edwards',
  'Hughes',
  'Green',
  'Hall',
  'Lewis',
  'Harris',
  'Clarke',
  'Patel',
  'Jackson',
  'Wood',
  'Turner',
  'Martin',
  'Cooper',
  'Hill',
  'Ward',
  'Morris',
  'Moore',
  'Clark',
  'Lee',
  'King',
  'Baker',
  'Harrison',
  'Morgan',
  'Allen',
  'James',
  'Scott',
  'Phillips',
  'Watson',
  'Davis',
  'Parker',
  'Price',
  'Bennett',
  'Young',
  'Griffiths',
  'Mitchell',
  'Kelly',
  'Cook',
  'Carter',
  'Richardson',
  'Bailey',
  'Collins',
  'Bell',
  'Shaw',
  'Murphy',
  'Miller',
  'Cox',
  'Richards',
  'Khan',
  'Marshall',
  'Anderson',
  'Simpson',
  'Ellis',
  'Adams',
  'Singh',
  'Begum',
  'Wilkinson',
  'Foster',
  'Chapman',
  'Powell',
  'Webb',
  'Rogers',
  'Gray',
  'Mason',
  'Ali',
  'Hunt',
  'Hussain',
  'Campbell',
  'Matthews',
  'Owen',
  'Palmer',
  'Holmes',
  'Mills',
  'Barnes',
  'Knight',
  "O'Brien",
  'Nguyen',
  'Kowalski',
  'Goldsmith',
  'Smithson',
  'Ahmed',
  'Rees',
  'Pritchard',
  'Llewellyn',
  'Fitzgerald',
];
// The long tail: three people in ten get one of 4,000 surnames built from these, so a rare surname
// names a few dozen people, where a common one names thousands, and a part of a name matches anything
// from a handful to tens of thousands.
export const SURNAME_STARTS = [
  'Ash',
  'Brad',
  'Carr',
  'Dun',
  'Eld',
  'Fair',
  'Gil',
  'Hart',
  'Ing',
  'Kel',
  'Lang',
  'Mor',
  'Nor',
  'Pen',
  'Rad',
  'Staf',
  'Thorn',
  'Ulls',
  'Wat',
  'Yar',
];
export const SURNAME_MIDDLES = ['a', 'e', 'i', 'o', 'er', 'in', 'ow', 'en', 'ing', 'ley'];
export const SURNAME_ENDS = [
  'ton',
  'by',
  'field',
  'wood',
  'ford',
  'ham',
  'well',
  'stone',
  'combe',
  'hurst',
  'more',
  'den',
  'ridge',
  'thwaite',
  'worth',
  'cott',
  'bury',
  'shaw',
  'dale',
  'wick',
];
/** The share of people whose surname is of the long tail. */
export const TAIL_SHARE = 0.3;
/** Power applied to random() to pick a common surname: > 1 favours the first of the list. */
export const SURNAME_SKEW = 1.3;

/**
 * SQL for a surname: `common`, `start`, `middle`, `end` are the parameter numbers of the lists above. The
 * common surname is drawn with random() to the power `skew`; 1 draws them all alike (the case search).
 */
export function surnameSql(common: number, start: number, middle: number, end: number, skew = SURNAME_SKEW): string {
  const any = (p: number) => `($${p}::text[])[1 + floor(random() * cardinality($${p}::text[]))::int]`;
  const draw = skew === 1 ? 'random()' : `power(random(), ${skew})`;
  return `CASE WHEN random() < ${TAIL_SHARE} THEN ${any(start)} || ${any(middle)} || ${any(end)}
    ELSE ($${common}::text[])[1 + floor(${draw} * cardinality($${common}::text[]))::int] END`;
}

/**
 * The name lists as the first five parameters of a statement that generates people: $1 first names, $2
 * common surnames, $3 to $5 the parts of the long tail, as `surnameSql(2, 3, 4, 5)` reads them.
 */
export const NAME_PARAMETERS = [FIRST_NAMES, COMMON_SURNAMES, SURNAME_STARTS, SURNAME_MIDDLES, SURNAME_ENDS] as const;

/** What an officer types to look a person up, drawn from `random` (seeded, so two runs search alike). */
export function nameSearches(random: () => number) {
  const int = (below: number) => Math.floor(random() * below);
  const pick = <T>(list: readonly T[]): T => {
    const item = list[int(list.length)];
    // A sample of the generated data can come back empty on a small run.
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const anyCase = (text: string) => pick([text, text.toLowerCase(), text.toUpperCase()]);
  /** A surname of the long tail, as stored. */
  const tailSurname = () => `${pick(SURNAME_STARTS)}${pick(SURNAME_MIDDLES)}${pick(SURNAME_ENDS)}`;
  return {
    pick,
    int,
    anyCase,
    tailSurname,
    /** One of the ten commonest surnames, whole. */
    commonSurname: () => anyCase(pick(COMMON_SURNAMES.slice(0, 10))),
    /** A surname of the long tail, whole. */
    rareSurname: () => anyCase(tailSurname()),
    /** "smi jo": the start of a common surname and of a first name. */
    twoPartialWords: () => {
      const surname = pick(COMMON_SURNAMES.slice(0, 30).filter((s) => s.length >= 4));
      const first = pick(FIRST_NAMES);
      return `${surname.slice(0, 3)} ${first.slice(0, 2 + int(2))}`.toLowerCase();
    },
    /** A calendar month within the last two years, as YYYY-MM-DD days. */
    someMonth: (): { receivedFrom: string; receivedTo: string } => {
      const start = new Date(Date.now() - (30 + int(TWO_YEARS_DAYS - 30)) * 86_400_000);
      const from = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
      const to = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
      return { receivedFrom: from.toISOString().slice(0, 10), receivedTo: to.toISOString().slice(0, 10) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Generation, set-based: each session inserts its own slice of the ids, side by side, so that every
// core works on it. Seeded per session, so two runs generate the same data.

/** Runs `work` in `sessions` sessions of `dataSource` at once, each seeded by its number. */
export async function inSessions(
  dataSource: DataSource,
  sessions: number,
  work: (runner: QueryRunner, n: number) => Promise<unknown>,
): Promise<void> {
  const runners = Array.from({ length: sessions }, () => dataSource.createQueryRunner());
  try {
    await Promise.all(
      runners.map(async (runner, n) => {
        await runner.connect();
        // A throwaway database: nothing here needs to survive a crash.
        await runner.query('SET synchronous_commit = off');
        await runner.query('SELECT setseed($1)', [0.42 + n / 100]);
        await work(runner, n);
      }),
    );
  } finally {
    await Promise.all(runners.map((r) => r.release()));
  }
}

/** Session `n`'s share of the ids 1 to `total`, first and last. */
export const slice = (total: number, sessions: number, n: number): [number, number] => [
  Math.floor((total * n) / sessions) + 1,
  Math.floor((total * (n + 1)) / sessions),
];

export interface Step {
  step: string;
  ms: number;
}

/** Generation steps, each logged as it starts and timed, for the report's table of steps. */
export function generationSteps(bench: string): {
  steps: Step[];
  step: (name: string, work: () => Promise<unknown>) => Promise<void>;
} {
  const steps: Step[] = [];
  const step = async (name: string, work: () => Promise<unknown>) => {
    log(bench, `${name}…`);
    const [, ms] = await timed(work);
    steps.push({ step: name, ms });
  };
  return { steps, step };
}
