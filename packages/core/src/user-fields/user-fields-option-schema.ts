import * as v from "valibot";
import { isJsonValue } from "./json-value.js";
import type { ResolvedUserField } from "./user-field-set.js";

/**
 * Names a declared field may not take: the keys of the built-in User object and of the bodies
 * that carry fields (register/, change_name/, `axor.users.create`).
 */
export const RESERVED_USER_FIELD_NAMES: ReadonlySet<string> = new Set([
  "id",
  "email",
  "password",
  "first_name",
  "last_name",
  "timezone",
  "is_active",
  "is_email_verified",
  "totp_enabled",
  "created_at",
  "updated_at",
  "email_verified",
  "send_verification_email",
]);

const isSyncValibotSchema = (value: unknown): value is v.GenericSchema =>
  typeof value === "object" &&
  value !== null &&
  (value as { kind?: unknown }).kind === "schema" &&
  (value as { async?: unknown }).async === false &&
  typeof (value as Record<string, unknown>)["~run"] === "function";

/** A field name: a snake_case identifier, not a built-in key. */
const fieldName = v.pipe(
  v.string(),
  v.regex(
    /^[a-z][a-z0-9_]{0,62}$/,
    "must be a snake_case name (a-z, 0-9, _; starting with a letter; at most 63 characters)",
  ),
  v.check(
    (name) => !RESERVED_USER_FIELD_NAMES.has(name),
    "is a built-in User key or request field; choose another name",
  ),
);

/** True when `declaration.default` passes its own schema and the result is a JSON value. */
function defaultPasses(declaration: ResolvedUserField): boolean {
  const result = v.safeParse(declaration.schema, declaration.default);
  return result.success && isJsonValue(result.output);
}

/** One declaration of the `userFields` option (see `UserFieldDeclaration`). */
const fieldDeclaration = v.pipe(
  v.object(
    {
      schema: v.custom<v.GenericSchema>(
        isSyncValibotSchema,
        "must be a valibot schema (a synchronous one)",
      ),
      default: v.custom<unknown>((value) => value !== undefined, "is required"),
      register: v.optional(v.boolean(), false),
      profile: v.optional(v.boolean(), false),
      description: v.optional(v.string()),
    },
    (issue) => (issue.input === undefined ? "is required" : "must be an object"),
  ),
  v.forward(v.check(defaultPasses, "must pass the field's own schema and be a JSON value"), [
    "default",
  ]),
);

const declarations = v.record(fieldName, fieldDeclaration);

/** An own key valibot's `record` would skip without a word (`constructor`, `__proto__`...). */
const prototypeKeyOf = (value: unknown): string | undefined =>
  typeof value === "object" && value !== null
    ? Object.keys(value).find((key) => key in Object.prototype || key === "prototype")
    : undefined;

/** The `userFields` option: snake_case name -> declaration; default none. */
export const userFieldsOptionSchema = v.optional(
  v.pipe(
    v.custom<v.InferInput<typeof declarations>>(
      (value) => prototypeKeyOf(value) === undefined,
      (issue) =>
        `names a field "${prototypeKeyOf(issue.input)}", a name every JavaScript object has`,
    ),
    declarations,
  ),
  {},
);

/** The `names` option: whether register/ and change_name/ require first and last name. */
export const namesOptionSchema = v.optional(v.picklist(["required", "optional"]), "required");
