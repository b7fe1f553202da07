import * as v from "valibot";
import { type ErrorCode, errorCatalogue } from "../errors/error-catalogue.js";

// The contract's answers as valibot schemas: the OpenAPI document's response bodies. A type
// test (test/openapi-response-types.test.ts) holds them equal to the core's own types.

const timestamp = () => v.pipe(v.string(), v.isoTimestamp());
const uuid = () => v.pipe(v.string(), v.uuid());

/** The contract's User object. */
export const userSchema = v.object({
  id: uuid(),
  email: v.pipe(v.string(), v.email()),
  first_name: v.string(),
  last_name: v.string(),
  timezone: v.string(),
  is_active: v.boolean(),
  is_email_verified: v.boolean(),
  totp_enabled: v.boolean(),
  created_at: timestamp(),
  updated_at: timestamp(),
});

/** A web session. `current` only in `active_sessions/`. */
export const sessionSchema = v.object({
  id: uuid(),
  is_valid: v.boolean(),
  created_at: timestamp(),
  updated_at: timestamp(),
  expire_at: timestamp(),
  ip: v.nullable(v.string()),
  ua: v.nullable(v.string()),
  current: v.optional(v.boolean()),
});

/** An app's Bearer token. `current` only in `active_sessions/`. */
export const appTokenSchema = v.object({
  id: uuid(),
  is_valid: v.boolean(),
  created_at: timestamp(),
  last_used_at: timestamp(),
  expire_at: timestamp(),
  ip: v.nullable(v.string()),
  ua: v.nullable(v.string()),
  current: v.optional(v.boolean()),
});

/** `{"user": User}`: `me/`, `change_name/`, `change_email/`. */
export const userResponseSchema = v.object({ user: userSchema });

/** Login, register and magic-link consumption; `session` (the Bearer key) only in app mode. */
export const loginResponseSchema = v.object({
  last_session: v.nullable(sessionSchema),
  last_token_session: v.nullable(appTokenSchema),
  user: userSchema,
  session: v.optional(
    v.pipe(
      v.object({ id: uuid(), key: v.string() }),
      v.description("App mode only: the new token's id and its Bearer key."),
    ),
  ),
});

/** `active_sessions/`: live web sessions and app tokens, newest first. */
export const activeSessionsSchema = v.object({
  sessions: v.array(sessionSchema),
  tokens: v.array(appTokenSchema),
});

/** `totp/init/`: the new secret, its otpauth:// URI and the backup codes. */
export const totpSetupSchema = v.object({
  key: v.pipe(v.string(), v.description("The secret, base32.")),
  provision: v.pipe(v.string(), v.description("The otpauth:// URI of the secret (QR code).")),
  backup_codes: v.array(v.string()),
});

/** `totp/new-backup-codes/`. */
export const backupCodesSchema = v.object({ backup_codes: v.array(v.string()) });

/** Every code of the error catalogue. */
export const errorCodeSchema = v.picklist(Object.keys(errorCatalogue) as ErrorCode[]);

/** The error envelope (application/problem+json). */
export const problemSchema = v.object({
  title: v.string(),
  detail: v.pipe(v.string(), v.description("A human sentence.")),
  status: v.pipe(v.string(), v.description("The HTTP status, as a string.")),
  code: errorCodeSchema,
  instance: v.pipe(v.string(), v.description("The request's path.")),
  errors: v.optional(
    v.pipe(
      v.record(v.string(), v.array(v.string())),
      v.description("ValidationError only: field name -> messages."),
    ),
  ),
});
