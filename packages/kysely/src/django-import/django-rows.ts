import * as v from "valibot";

/** A Django DateTimeField as a driver returns it: a Date (PostgreSQL, MySQL) or text (SQLite). */
const instant = v.pipe(
  v.union([v.date(), v.string()]),
  v.transform((value) => (value instanceof Date ? value : new Date(value.replace(" ", "T")))),
  v.check((date) => !Number.isNaN(date.getTime()), "is not a date"),
);
const optionalInstant = v.nullish(instant);
/** A Django UUIDField: native uuid (PostgreSQL) or 32/36 hex characters (SQLite, MySQL). */
const uuid = v.pipe(
  v.string(),
  v.transform((value) => value.toLowerCase()),
  v.transform((value) =>
    /^[0-9a-f]{32}$/.test(value)
      ? value.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5")
      : value,
  ),
  v.uuid("is not a UUID"),
);
/** A BooleanField: true/false, or 1/0 where the database has no booleans. */
const flag = v.pipe(
  v.union([v.boolean(), v.number()]),
  v.transform((value) => value === true || value === 1),
);
const bytes = v.pipe(
  v.union([v.instance(Buffer), v.instance(Uint8Array)]),
  v.transform((value) => Buffer.from(value)),
);
const text = v.nullish(v.string());

/** A row of `axor_users`. */
export const djangoUserRow = v.object({
  id: uuid,
  password: v.string(),
  email: v.nullish(v.string()),
  first_name: v.string(),
  last_name: v.string(),
  timezone: v.nullish(v.string()),
  is_active: flag,
  is_email_verified: v.optional(flag, false),
  created_at: instant,
  updated_at: optionalInstant,
});
export type DjangoUserRow = v.InferOutput<typeof djangoUserRow>;

/** A row of `axor_sessions`: `key` is SHA-256 hex of the raw key. */
export const djangoSessionRow = v.object({
  id: uuid,
  user_id: uuid,
  key: v.string(),
  ip: text,
  ua: text,
  created_at: instant,
  updated_at: optionalInstant,
  expire_at: instant,
});
export type DjangoSessionRow = v.InferOutput<typeof djangoSessionRow>;

/** A row of `axor_app_tokens`: `token` is SHA-256 hex of the raw key; no expiry. */
export const djangoAppTokenRow = v.object({
  id: uuid,
  user_id: uuid,
  token: v.string(),
  ip: text,
  ua: text,
  created_at: instant,
  updated_at: optionalInstant,
});
export type DjangoAppTokenRow = v.InferOutput<typeof djangoAppTokenRow>;

/** A row of `axor_totp`: `key` and `backup_codes` are AES-EAX sealed JSON. */
export const djangoTotpRow = v.object({
  user_id: uuid,
  status: v.string(),
  key: bytes,
  backup_codes: bytes,
  created_at: instant,
});
export type DjangoTotpRow = v.InferOutput<typeof djangoTotpRow>;

/** The first problem of a row against its schema, as a short sentence. */
export function rowProblem(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  return `${path ?? "row"}: ${issue?.message ?? "invalid"}`;
}
