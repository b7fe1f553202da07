import type { BackupCodes, NewSession, NewUser, SecretBox, TotpRecord } from "@axor/core/storage";
import * as v from "valibot";
import {
  type DjangoUserRow,
  djangoAppTokenRow,
  djangoSessionRow,
  djangoTotpRow,
  rowProblem,
} from "./django-rows.js";
import { openDjangoAxorValue } from "./django-sealed-value.js";

/** What converting Django Axor's TOTP setups needs; absent: users with 2FA on are skipped. */
export interface TotpConversion {
  /** Django Axor's AES key (`djangoAxorAesKey(SECRET_KEY)`). */
  djangoKey: Buffer;
  /** Axor's secret box and backup codes, keyed from Axor's `secret`. */
  secretBox: SecretBox;
  backupCodes: BackupCodes;
}

/** How rows are converted. */
export interface ConversionSettings {
  now: Date;
  /** The expiry given to imported app tokens, from `now` (Django Axor's have none). */
  appTokenLifetimeMs: number;
  totp: TotpConversion | null;
}

/** One Django Axor user's rows, as read. */
export interface DjangoUserRows {
  user: DjangoUserRow;
  sessions: unknown[];
  appTokens: unknown[];
  totp: unknown[];
}

/** A user's rows in Axor's form, and the rows among them that could not be converted. */
export interface ConvertedUser {
  user: NewUser;
  sessions: NewSession[];
  totp: { record: TotpRecord; backupCodeHashes: string[] } | null;
  /** One sentence per session or app token row left out. */
  skippedRows: string[];
}

/** A user that cannot be brought over as it is: it is skipped with its rows. */
export class ConversionProblem extends Error {}

const BCRYPT = /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const BASE32_SECRET = /^[A-Z2-7]{16,}=*$/;
const ENABLED = new Set(["enabled", "backup_used"]);

const emailSchema = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.email("is not a valid email address"),
  v.maxLength(320, "is longer than 320 characters"),
);
const nameSchema = v.pipe(v.string(), v.maxLength(255, "is longer than 255 characters"));
const timezoneSchema = v.pipe(v.string(), v.maxLength(64, "is longer than 64 characters"));
const backupCodeList = v.array(v.pipe(v.string(), v.nonEmpty()));

function check<T>(schema: v.GenericSchema<unknown, T>, value: unknown, field: string): T {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new ConversionProblem(`${field} ${result.issues[0]?.message}`);
  return result.output;
}

/**
 * A Django Axor user with its live sessions, app tokens and enabled TOTP setup, in Axor's form.
 * Key hashes are kept as they are: Django Axor stores SHA-256 hex of the raw key, which is
 * exactly how Axor stores the hash of a native key, and the raw key inside the old JWTs becomes
 * the native key (see `legacy.djangoAxor`). Throws `ConversionProblem` when the user cannot be
 * brought over; a bad session or app token row is left out and named in `skippedRows`.
 *
 * @example
 * ```ts
 * declare const rows: DjangoUserRows;
 * const converted = convertDjangoUser(rows, { now, appTokenLifetimeMs: 90 * 86_400_000, totp: null });
 * ```
 */
export function convertDjangoUser(
  rows: DjangoUserRows,
  settings: ConversionSettings,
): ConvertedUser {
  const django = rows.user;
  if (django.email === null || django.email === undefined) {
    throw new ConversionProblem("has no email address");
  }
  if (!BCRYPT.test(django.password)) {
    throw new ConversionProblem("password is not a bcrypt hash");
  }
  const totp = convertTotp(django.id, rows.totp, settings.totp);
  const user: NewUser = {
    id: django.id,
    email: check(emailSchema, django.email, "email"),
    passwordHash: django.password,
    firstName: check(nameSchema, django.first_name, "first_name"),
    lastName: check(nameSchema, django.last_name, "last_name"),
    timezone: check(timezoneSchema, django.timezone ?? "UTC", "timezone"),
    isActive: django.is_active,
    isEmailVerified: django.is_email_verified,
    totpEnabled: totp !== null,
    createdAt: django.created_at,
    updatedAt: django.updated_at ?? django.created_at,
  };
  const { sessions, skippedRows } = convertDjangoSessions(user.id, rows, settings);
  return { user, sessions, totp, skippedRows };
}

/**
 * A user's live sessions and app tokens in Axor's form (key hashes kept: see
 * `convertDjangoUser`), app tokens expiring `appTokenLifetimeMs` after `now`; a row that
 * cannot be converted is left out and named in `skippedRows`.
 *
 * @example
 * ```ts
 * declare const rows: DjangoUserRows;
 * const { sessions, skippedRows } = convertDjangoSessions(rows.user.id, rows, {
 *   now,
 *   appTokenLifetimeMs: 90 * 86_400_000,
 *   totp: null,
 * });
 * ```
 */
export function convertDjangoSessions(
  userId: string,
  rows: Pick<DjangoUserRows, "sessions" | "appTokens">,
  settings: ConversionSettings,
): Pick<ConvertedUser, "sessions" | "skippedRows"> {
  const skippedRows: string[] = [];
  const sessions: NewSession[] = [];
  for (const raw of rows.sessions) {
    const parsed = v.safeParse(djangoSessionRow, raw);
    const problem = parsed.success ? keyProblem(parsed.output.key) : rowProblem(parsed.issues);
    if (!parsed.success || problem) {
      skippedRows.push(`session ${describeRow(raw)}: ${problem}`);
      continue;
    }
    const row = parsed.output;
    sessions.push({
      id: row.id,
      userId,
      kind: "web",
      keyHash: row.key.toLowerCase(),
      createdAt: row.created_at,
      updatedAt: row.updated_at ?? row.created_at,
      lastUsedAt: row.updated_at ?? row.created_at,
      expireAt: row.expire_at,
      ip: row.ip ?? null,
      ua: row.ua ?? null,
    });
  }
  for (const raw of rows.appTokens) {
    const parsed = v.safeParse(djangoAppTokenRow, raw);
    const problem = parsed.success ? keyProblem(parsed.output.token) : rowProblem(parsed.issues);
    if (!parsed.success || problem) {
      skippedRows.push(`app token ${describeRow(raw)}: ${problem}`);
      continue;
    }
    const row = parsed.output;
    sessions.push({
      id: row.id,
      userId,
      kind: "app",
      keyHash: row.token.toLowerCase(),
      createdAt: row.created_at,
      updatedAt: row.updated_at ?? row.created_at,
      lastUsedAt: row.updated_at ?? row.created_at,
      expireAt: new Date(settings.now.getTime() + settings.appTokenLifetimeMs),
      ip: row.ip ?? null,
      ua: row.ua ?? null,
    });
  }
  return { sessions, skippedRows };
}

function keyProblem(hash: string): string | null {
  return SHA256_HEX.test(hash.toLowerCase()) ? null : "key is not a SHA-256 hex digest";
}

function describeRow(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : "(no id)";
}

/**
 * The user's enabled TOTP setup (the newest if several), opened with Django's key and sealed
 * again with Axor's, its unused backup codes hashed Axor's way; null when 2FA is off.
 */
function convertTotp(
  userId: string,
  rows: unknown[],
  conversion: TotpConversion | null,
): ConvertedUser["totp"] {
  const enabled = rows
    .map((raw) => v.safeParse(djangoTotpRow, raw))
    .filter((parsed) => !parsed.success || ENABLED.has(parsed.output.status));
  if (enabled.length === 0) return null;
  const broken = enabled.find((parsed) => !parsed.success);
  if (broken && !broken.success) {
    throw new ConversionProblem(`TOTP row ${rowProblem(broken.issues)}`);
  }
  if (!conversion) {
    throw new ConversionProblem(
      "has TOTP on: give --secret-key (Django's SECRET_KEY) to bring it over",
    );
  }
  const newest = enabled
    .flatMap((parsed) => (parsed.success ? [parsed.output] : []))
    .sort((a, b) => b.created_at.getTime() - a.created_at.getTime())[0];
  if (!newest) return null;
  const secret = openDjangoAxorValue(conversion.djangoKey, newest.key);
  if (typeof secret !== "string" || !BASE32_SECRET.test(secret.toUpperCase())) {
    throw new ConversionProblem("TOTP secret does not open with this SECRET_KEY");
  }
  const codes = v.safeParse(
    backupCodeList,
    openDjangoAxorValue(conversion.djangoKey, newest.backup_codes),
  );
  if (!codes.success) {
    throw new ConversionProblem("TOTP backup codes do not open with this SECRET_KEY");
  }
  return {
    record: {
      userId,
      encryptedSecret: conversion.secretBox.seal(secret.toUpperCase(), userId),
      confirmed: true,
      lastUsedStep: 0,
      createdAt: newest.created_at,
    },
    backupCodeHashes: [...new Set(codes.output.map(conversion.backupCodes.hash))],
  };
}
