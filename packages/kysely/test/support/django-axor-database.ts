import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hash as bcryptHash } from "@node-rs/bcrypt";
import { type Kysely, sql } from "kysely";
import {
  djangoAxorAesKey,
  sealDjangoAxorValue,
} from "../../src/django-import/django-sealed-value.js";

/** Django's SECRET_KEY in these tests: shorter than 32 bytes, so Django Axor repeats it. */
export const DJANGO_SECRET_KEY = "django-insecure-fixture-key";
export const OLD_PASSWORD = "an old django password";
const DAY = 86_400_000;

/** `secrets.token_urlsafe(64)`: a raw Django Axor key. */
export const rawDjangoKey = () => randomBytes(64).toString("base64url");
const sha256Hex = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * The tables django-axor-auth's migrations create on PostgreSQL (the columns the importer reads,
 * with Django's types: uuid, bytea BinaryFields, timestamptz, inet).
 */
export async function createDjangoAxorSchema(db: Kysely<any>): Promise<void> {
  await sql`create table axor_users (
    id uuid primary key, password varchar(150) not null, email varchar(150) unique null,
    first_name varchar(150) not null, last_name varchar(150) not null,
    timezone varchar(150) not null, is_active boolean not null,
    is_email_verified boolean not null, created_at timestamptz not null,
    updated_at timestamptz not null)`.execute(db);
  await sql`create table axor_sessions (
    id uuid primary key, key varchar(64) not null, is_valid boolean not null, ip inet not null,
    ua text not null, created_at timestamptz not null, updated_at timestamptz not null,
    expire_at timestamptz not null, user_id uuid not null references axor_users (id))`.execute(db);
  await sql`create table axor_app_tokens (
    id uuid primary key, token varchar(64) not null, is_valid boolean not null,
    ip inet not null, ua text not null, created_at timestamptz not null,
    updated_at timestamptz not null,
    user_id uuid not null references axor_users (id))`.execute(db);
  await sql`create table axor_totp (
    id bigserial primary key, key bytea not null, status varchar(16) not null,
    backup_codes bytea not null, created_at timestamptz not null,
    updated_at timestamptz not null, bc_attempts integer not null, bc_timeout timestamptz null,
    user_id uuid not null references axor_users (id))`.execute(db);
}

/** A Django Axor user row; returns its id. */
export async function djangoUser(
  db: Kysely<any>,
  fields: { email: string | null; password?: string; isActive?: boolean },
): Promise<string> {
  const id = randomUUID();
  const at = new Date(Date.now() - 100 * DAY);
  await db
    .insertInto("axor_users")
    .values({
      id,
      password: fields.password ?? (await bcryptHash(OLD_PASSWORD, { cost: 4 })),
      email: fields.email,
      first_name: "First",
      last_name: "Last",
      timezone: "America/Vancouver",
      is_active: fields.isActive ?? true,
      is_email_verified: true,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** A Django Axor session (or app token) row for a new raw key; returns the raw key. */
export async function djangoSession(
  db: Kysely<any>,
  userId: string,
  kind: "session" | "app token",
  options: { isValid?: boolean; expireInDays?: number; keyHash?: string } = {},
): Promise<string> {
  const raw = rawDjangoKey();
  const at = new Date(Date.now() - DAY);
  const common = {
    id: randomUUID(),
    user_id: userId,
    is_valid: options.isValid ?? true,
    ip: "203.0.113.7",
    ua: "Django-era browser",
    created_at: at,
    updated_at: at,
  };
  const hash = options.keyHash ?? sha256Hex(raw);
  if (kind === "session") {
    const expireAt = new Date(Date.now() + (options.expireInDays ?? 10) * DAY);
    await db
      .insertInto("axor_sessions")
      .values({ ...common, key: hash, expire_at: expireAt })
      .execute();
  } else {
    await db
      .insertInto("axor_app_tokens")
      .values({ ...common, token: hash })
      .execute();
  }
  return raw;
}

/** A Django Axor TOTP row, sealed with `secretKey` as Django Axor seals it. */
export async function djangoTotp(
  db: Kysely<any>,
  userId: string,
  fields: { secret: string; backupCodes: string[]; status: string; secretKey?: string },
): Promise<void> {
  const key = djangoAxorAesKey(fields.secretKey ?? DJANGO_SECRET_KEY);
  const at = new Date(Date.now() - 50 * DAY);
  await db
    .insertInto("axor_totp")
    .values({
      user_id: userId,
      key: sealDjangoAxorValue(key, fields.secret),
      backup_codes: sealDjangoAxorValue(key, fields.backupCodes),
      status: fields.status,
      created_at: at,
      updated_at: at,
      bc_attempts: 0,
      bc_timeout: null,
    })
    .execute();
}
