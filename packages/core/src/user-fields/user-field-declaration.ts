import type * as v from "valibot";
import type { User } from "../api/api-objects.js";

/**
 * One additional user field, as the `userFields` option declares it: a valibot schema (sync),
 * the value every user has until one is set, and where a client may set it. The value must be
 * JSON (string, number, boolean, null, arrays and plain objects of those): it is stored in a
 * JSON column.
 *
 * @example
 * ```ts
 * import * as v from "valibot";
 *
 * const company: UserFieldDeclaration = {
 *   schema: v.pipe(v.string(), v.trim(), v.maxLength(100)),
 *   default: "",
 *   register: true, // register/ accepts it
 *   profile: true, // change_name/ accepts it
 * };
 * ```
 */
export interface UserFieldDeclaration<TSchema extends v.GenericSchema = v.GenericSchema> {
  /** Validates (and may transform) a value sent for the field; its output is what is stored. */
  schema: TSchema;
  /** The value of a user who never set the field; must pass `schema`. Required. */
  default: unknown;
  /** `register/` and `axor.register` accept it (missing: `default`). Default false. */
  register?: boolean;
  /** `change_name/` and `axor.changeName` accept it (missing: unchanged). Default false. */
  profile?: boolean;
  /** A sentence for the OpenAPI document. Optional. */
  description?: string;
}

/**
 * The `userFields` option: field name (snake_case) -> declaration.
 *
 * @example
 * ```ts
 * import * as v from "valibot";
 *
 * const userFields = {
 *   company: { schema: v.pipe(v.string(), v.maxLength(100)), default: "", register: true },
 *   newsletter: { schema: v.boolean(), default: false, profile: true },
 * } satisfies UserFieldDeclarations;
 * ```
 */
export type UserFieldDeclarations = Record<string, UserFieldDeclaration>;

/**
 * The values a user carries for declared fields, typed from their schemas: what `User` gains.
 *
 * @example
 * ```ts
 * import * as v from "valibot";
 *
 * const userFields = {
 *   company: { schema: v.string(), default: "" },
 *   seats: { schema: v.number(), default: 1 },
 * } satisfies UserFieldDeclarations;
 * type Extra = DeclaredUserFields<typeof userFields>; // { company: string; seats: number }
 * ```
 */
export type DeclaredUserFields<TFields extends UserFieldDeclarations> = {
  -readonly [K in keyof TFields]: v.InferOutput<TFields[K]["schema"]>;
};

/**
 * The declared fields whose flag `TFlag` (`register` or `profile`) is set, as optional inputs
 * typed from their schemas. A flag typed `boolean` (a declaration in a variable without
 * `as const` or `satisfies`) counts as set; an absent or `false` one as not.
 *
 * @example
 * ```ts
 * import * as v from "valibot";
 *
 * const userFields = {
 *   company: { schema: v.string(), default: "", register: true },
 *   plan: { schema: v.string(), default: "free" },
 * } satisfies UserFieldDeclarations;
 * type RegisterExtras = UserFieldInputs<typeof userFields, "register">; // { company?: string }
 * ```
 */
export type UserFieldInputs<
  TFields extends UserFieldDeclarations,
  TFlag extends "register" | "profile",
> = {
  -readonly [K in keyof TFields as TFields[K] extends { readonly [P in TFlag]: false }
    ? never
    : TFields[K] extends { readonly [P in TFlag]: boolean }
      ? K
      : never]?: v.InferInput<TFields[K]["schema"]>;
};

/**
 * Every declared field, as an optional input (the server-side admin API takes them all).
 *
 * @example
 * ```ts
 * import * as v from "valibot";
 *
 * const userFields = { plan: { schema: v.string(), default: "free" } } satisfies UserFieldDeclarations;
 * const input: AllUserFieldInputs<typeof userFields> = { plan: "pro" };
 * ```
 */
export type AllUserFieldInputs<TFields extends UserFieldDeclarations> = {
  -readonly [K in keyof TFields]?: v.InferInput<TFields[K]["schema"]>;
};

/**
 * The User object of an instance with `userFields`: the built-in keys and the declared fields.
 *
 * @example
 * ```ts
 * import * as v from "valibot";
 *
 * const userFields = { company: { schema: v.string(), default: "" } } satisfies UserFieldDeclarations;
 * declare const ada: UserWithFields<typeof userFields>;
 * console.log(ada.email, ada.company); // both strings
 * ```
 */
export type UserWithFields<TFields extends UserFieldDeclarations> = [keyof TFields] extends [never]
  ? User
  : User & DeclaredUserFields<TFields>;
