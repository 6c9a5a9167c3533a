/**
 * Parameterised SQL as values. A statement is written as a tagged template; every interpolated
 * value becomes a `$n` placeholder, and an interpolated `Sql` fragment is spliced in with its own
 * values renumbered. So conditions can be built in pieces (filters, access rules, cursors) without
 * anyone counting placeholders by hand, and nothing a caller sends is ever spliced as text.
 *
 *   const rows = await query<ComplaintRow>(manager, sql`SELECT * FROM complaints c WHERE ${and([
 *     scopeFilter, status ? sql`c.status = ${status}` : undefined,
 *   ])} ORDER BY c.created_at DESC LIMIT ${limit}`);
 */
export class Sql {
  /** @internal `strings.length === values.length + 1`, as for a template literal. */
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** The statement and its parameters in node-postgres form (`$1`, `$2`, ...). */
  toQuery(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.render(values);
    return { text, values };
  }

  private render(values: unknown[]): string {
    let text = this.strings[0];
    this.values.forEach((value, i) => {
      text += value instanceof Sql ? value.render(values) : `$${values.push(value)}`;
      text += this.strings[i + 1];
    });
    return text;
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/**
 * Trusted text spliced as it is: identifiers and fixed clauses from the code, never a value that
 * came from a request.
 */
export function rawSql(text: string): Sql {
  return new Sql([text], []);
}

/** Fragments joined by a separator (`, ` by default); an empty list joins to nothing. */
export function joinSql(fragments: readonly Sql[], separator = ', '): Sql {
  if (fragments.length === 0) return rawSql('');
  return new Sql(['', ...fragments.slice(1).map(() => separator), ''], fragments);
}

/** The conditions that are present, ANDed; `true` when there are none. */
export function and(conditions: readonly (Sql | undefined | false)[]): Sql {
  const present = conditions.filter((c): c is Sql => c instanceof Sql);
  if (present.length === 0) return rawSql('true');
  return new Sql(['(', ...present.slice(1).map(() => ') AND ('), ')'], present);
}

/** Anything that runs a statement: a DataSource, an EntityManager or a QueryRunner. */
export interface Queryable {
  query(text: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Rows of a statement, typed by the caller's row shape. TypeORM answers an UPDATE or DELETE as
 * `[rows, affected]`; that is unwrapped here, so every statement reads the same way.
 */
export async function query<T>(runner: Queryable, statement: Sql): Promise<T[]> {
  const { text, values } = statement.toQuery();
  const result = await runner.query(text, values);
  return rowsOf(result) as T[];
}

/** The first row, or undefined. */
export async function queryOne<T>(runner: Queryable, statement: Sql): Promise<T | undefined> {
  const [row] = await query<T>(runner, statement);
  return row;
}

/** Runs a statement for its effect; the number of rows an UPDATE or DELETE touched (else the rows returned). */
export async function execute(runner: Queryable, statement: Sql): Promise<number> {
  const { text, values } = statement.toQuery();
  const result = await runner.query(text, values);
  if (isAffected(result)) return result[1];
  return Array.isArray(result) ? result.length : 0;
}

function isAffected(result: unknown): result is [unknown[], number] {
  // Rows are objects, never arrays: a two-element array of (array, number) is TypeORM's UPDATE/DELETE form.
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';
}

function rowsOf(result: unknown): unknown[] {
  if (isAffected(result)) return result[0];
  return Array.isArray(result) ? result : [];
}
