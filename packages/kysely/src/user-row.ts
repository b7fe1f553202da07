import type { NewUser, UserPatch, UserRecord } from "@axor/core/storage";
import { cell, type ResultRow, type RowKeys, rowKeys } from "./row-keys.js";
import type { SqlFlavor } from "./sql-flavor.js";
import { fromStoredJsonObject, toStoredJson } from "./stored-json.js";
import {
  fromStoredBoolean,
  fromStoredInstant,
  toStoredBoolean,
  toStoredInstant,
} from "./stored-values.js";

/** The columns of the users table, in the order queries select them. */
export const USER_COLUMNS = [
  "id",
  "email",
  "password_hash",
  "first_name",
  "last_name",
  "timezone",
  "is_active",
  "is_email_verified",
  "totp_enabled",
  "created_at",
  "updated_at",
  "fields",
] as const;

/** A users-table row as a driver returns it. */
export type UserRow = Record<(typeof USER_COLUMNS)[number], unknown>;

/** Column -> the key it has in a user result row. */
export type UserRowKeys = RowKeys<(typeof USER_COLUMNS)[number]>;

/** The user columns' keys when each is aliased as `${prefix}${column}`. */
export const userRowKeys = (prefix = ""): UserRowKeys => rowKeys(USER_COLUMNS, prefix);

const PLAIN_USER_KEYS = userRowKeys();

/** The row to insert for a new user. */
export function newUserRow(flavor: SqlFlavor, user: NewUser): Record<string, unknown> {
  return {
    id: user.id,
    email: user.email,
    password_hash: user.passwordHash,
    first_name: user.firstName,
    last_name: user.lastName,
    timezone: user.timezone,
    is_active: toStoredBoolean(flavor, user.isActive),
    is_email_verified: toStoredBoolean(flavor, user.isEmailVerified),
    totp_enabled: toStoredBoolean(flavor, user.totpEnabled ?? false),
    created_at: toStoredInstant(flavor, user.createdAt),
    updated_at: toStoredInstant(flavor, user.updatedAt),
    fields: toStoredJson(user.fields ?? {}),
  };
}

/** The column assignments of a patch; fields left undefined are not touched. */
export function userPatchColumns(flavor: SqlFlavor, patch: UserPatch): Record<string, unknown> {
  const columns: Record<string, unknown> = { updated_at: toStoredInstant(flavor, patch.updatedAt) };
  if (patch.email !== undefined) columns.email = patch.email;
  if (patch.passwordHash !== undefined) columns.password_hash = patch.passwordHash;
  if (patch.firstName !== undefined) columns.first_name = patch.firstName;
  if (patch.lastName !== undefined) columns.last_name = patch.lastName;
  if (patch.timezone !== undefined) columns.timezone = patch.timezone;
  if (patch.isActive !== undefined) columns.is_active = toStoredBoolean(flavor, patch.isActive);
  if (patch.isEmailVerified !== undefined) {
    columns.is_email_verified = toStoredBoolean(flavor, patch.isEmailVerified);
  }
  if (patch.totpEnabled !== undefined) {
    columns.totp_enabled = toStoredBoolean(flavor, patch.totpEnabled);
  }
  if (patch.fields !== undefined) columns.fields = toStoredJson(patch.fields);
  return columns;
}

/** The record of a users-table row. */
export function userFromRow(row: ResultRow, keys: UserRowKeys = PLAIN_USER_KEYS): UserRecord {
  return {
    id: String(cell(row, keys.id)),
    email: String(cell(row, keys.email)),
    passwordHash: String(cell(row, keys.password_hash)),
    firstName: String(cell(row, keys.first_name)),
    lastName: String(cell(row, keys.last_name)),
    timezone: String(cell(row, keys.timezone)),
    isActive: fromStoredBoolean(cell(row, keys.is_active)),
    isEmailVerified: fromStoredBoolean(cell(row, keys.is_email_verified)),
    totpEnabled: fromStoredBoolean(cell(row, keys.totp_enabled)),
    createdAt: fromStoredInstant(cell(row, keys.created_at)),
    updatedAt: fromStoredInstant(cell(row, keys.updated_at)),
    fields: fromStoredJsonObject(cell(row, keys.fields)),
  };
}
