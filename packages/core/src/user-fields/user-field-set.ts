import * as v from "valibot";
import type { UserFieldValues, UserRecord } from "../storage/records.js";
import { isJsonValue } from "./json-value.js";

/** A declaration after option validation: flags filled in. */
export type ResolvedUserField = {
  schema: v.GenericSchema;
  default: unknown;
  register: boolean;
  profile: boolean;
  description?: string | undefined;
};

/** Which fields a body takes: those flagged `register`, `profile`, or all of them. */
export type UserFieldScope = "register" | "profile" | "all";

/**
 * The declared fields of one instance, compiled once: their valibot entries for the request
 * schemas, and the values a stored user carries.
 */
export interface UserFieldSet {
  /** The declared names, in declaration order. */
  readonly names: readonly string[];
  readonly declarations: Readonly<Record<string, ResolvedUserField>>;
  /**
   * Object entries for the fields of `scope`. `missing: "default"`: an absent field becomes its
   * default (creating a user); `"unchanged"`: it stays absent (changing one).
   */
  entries(scope: UserFieldScope, missing: "default" | "unchanged"): v.ObjectEntries;
  /** The declared fields of a parsed body that are present. */
  pick(body: Record<string, unknown>): UserFieldValues;
  /** The user's value of every declared field (the default where none is stored). */
  valuesOf(user: UserRecord): UserFieldValues;
  /** The stored fields with `changes` applied: what `updateUser` gets as `fields`. */
  merged(user: UserRecord, changes: UserFieldValues): UserFieldValues;
}

/** Compiles the resolved `userFields` option. */
export function userFieldSet(declarations: Record<string, ResolvedUserField>): UserFieldSet {
  const names = Object.keys(declarations);
  const checked = (field: ResolvedUserField) =>
    v.pipe(field.schema, v.check(isJsonValue, "Must be a JSON value."));
  const inScope = (scope: UserFieldScope) =>
    names.filter((name) => scope === "all" || declarations[name]?.[scope] === true);

  return {
    names,
    declarations,
    entries(scope, missing) {
      const entries: v.ObjectEntries = {};
      for (const name of inScope(scope)) {
        const field = declarations[name] as ResolvedUserField;
        entries[name] =
          missing === "default"
            ? v.optional(checked(field), () => structuredClone(field.default))
            : v.optional(checked(field));
      }
      return entries;
    },
    pick(body) {
      const values: UserFieldValues = {};
      for (const name of names) {
        if (Object.hasOwn(body, name) && body[name] !== undefined) values[name] = body[name];
      }
      return values;
    },
    valuesOf(user) {
      const stored = user.fields ?? {};
      const values: UserFieldValues = {};
      for (const name of names) {
        values[name] = Object.hasOwn(stored, name)
          ? stored[name]
          : structuredClone(declarations[name]?.default);
      }
      return values;
    },
    merged(user, changes) {
      return { ...(user.fields ?? {}), ...changes };
    },
  };
}
