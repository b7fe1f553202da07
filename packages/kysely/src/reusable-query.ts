import type { Compilable, CompiledQuery } from "kysely";

const SLOT_MARK = "\u0000axor-slot:";

type ParameterSource = { kind: "slot"; name: string } | { kind: "fixed"; value: unknown };

/** A query compiled once, whose parameters are filled in per call. */
export interface ReusableQuery<R> {
  /** The compiled query with `values` in its slots: no SQL is built or compiled again. */
  bind(values: Readonly<Record<string, unknown>>): CompiledQuery<R>;
}

/**
 * Compiles the query `build` returns once. `build` receives `slot(name)`, a placeholder value to
 * use wherever a per-call parameter goes; `bind({ name: value })` then swaps the placeholders
 * for the values in the compiled parameter list. This is what keeps the session lookup (run on
 * every authenticated request) off Kysely's query builder and compiler.
 *
 * @example
 * ```ts
 * const byId = reusableQuery((slot) => db.selectFrom("t").selectAll().where("id", "=", slot("id")));
 * await db.executeQuery(byId.bind({ id: "42" }));
 * ```
 */
export function reusableQuery<R>(
  build: (slot: (name: string) => string) => Compilable<R>,
): ReusableQuery<R> {
  const compiled = build((name) => `${SLOT_MARK}${name}`).compile();
  const sources = compiled.parameters.map(
    (parameter): ParameterSource =>
      typeof parameter === "string" && parameter.startsWith(SLOT_MARK)
        ? { kind: "slot", name: parameter.slice(SLOT_MARK.length) }
        : { kind: "fixed", value: parameter },
  );
  return {
    bind(values) {
      const parameters = sources.map((source) => {
        if (source.kind === "fixed") return source.value;
        if (!(source.name in values)) throw new Error(`No value for query slot "${source.name}"`);
        return values[source.name];
      });
      return {
        query: compiled.query,
        queryId: compiled.queryId,
        sql: compiled.sql,
        parameters,
      } as CompiledQuery<R>;
    },
  };
}
