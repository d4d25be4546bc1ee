import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { rowsOf, type Database } from './db.js';

/** Stands for argument `index` of a query while it is compiled once (see `CompiledOnce`). */
const SLOT = '\u0000argument ';
export const slot = <T>(index: number) => `${SLOT}${index}` as unknown as T;

/**
 * A query built and compiled once, run with new values: building a query with Kysely and
 * compiling it to SQL cost the server more per request than anything else of its own. The query
 * is built with `slot(i)` in place of each value; each run puts argument i in those parameters.
 */
class CompiledOnce<R> {
  /** For each parameter of the compiled query, the argument it takes, or -1 for a constant. */
  private readonly sources: number[];

  constructor(private readonly compiled: CompiledQuery<R>) {
    this.sources = compiled.parameters.map((value) =>
      typeof value === 'string' && value.startsWith(SLOT) ? Number(value.slice(SLOT.length)) : -1,
    );
    // A value written into the text instead of a parameter would be run as the placeholder.
    if (compiled.sql.includes(SLOT)) throw new Error(`A placeholder in the SQL: ${compiled.sql}`);
  }

  async rows(db: Kysely<Database>, args: readonly unknown[]): Promise<R[]> {
    const { compiled, sources } = this;
    const parameters = compiled.parameters.map((value, index) => {
      const source = sources[index]!;
      return source < 0 ? value : args[source];
    });
    return rowsOf(db, compiled, parameters);
  }
}

/** Queries compiled once each, by name, run on one database. */
export class CompiledQueries {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly compiled = new Map<string, CompiledOnce<unknown>>(),
  ) {}

  /** Runs the query named `name`, built by `build` the first time, with `args` as its slots. */
  run<R>(name: string, build: () => Compilable<R>, args: readonly unknown[]): Promise<R[]> {
    let query = this.compiled.get(name) as CompiledOnce<R> | undefined;
    if (!query) {
      query = new CompiledOnce(build().compile());
      this.compiled.set(name, query);
    }
    return query.rows(this.db, args);
  }
}
