import type { ClientMode } from "@axor/core";
import type { NewSession, SessionRecord } from "@axor/core/storage";
import { cell, type ResultRow, type RowKeys, rowKeys } from "./row-keys.js";
import type { SqlFlavor } from "./sql-flavor.js";
import { fromStoredInstant, fromStoredNullableInstant, toStoredInstant } from "./stored-values.js";

/** The columns of the sessions table, in the order queries select them. */
export const SESSION_COLUMNS = [
  "id",
  "user_id",
  "kind",
  "key_hash",
  "created_at",
  "updated_at",
  "last_used_at",
  "expire_at",
  "revoked_at",
  "ip",
  "ua",
] as const;

/** A sessions-table row as a driver returns it. */
export type SessionRow = Record<(typeof SESSION_COLUMNS)[number], unknown>;

/** Column -> the key it has in a session result row. */
export type SessionRowKeys = RowKeys<(typeof SESSION_COLUMNS)[number]>;

/** The session columns' keys when each is aliased as `${prefix}${column}`. */
export const sessionRowKeys = (prefix = ""): SessionRowKeys => rowKeys(SESSION_COLUMNS, prefix);

const PLAIN_SESSION_KEYS = sessionRowKeys();

/** The row to insert for a new session (not revoked). */
export function newSessionRow(flavor: SqlFlavor, session: NewSession): Record<string, unknown> {
  return {
    id: session.id,
    user_id: session.userId,
    kind: session.kind,
    key_hash: session.keyHash,
    created_at: toStoredInstant(flavor, session.createdAt),
    updated_at: toStoredInstant(flavor, session.updatedAt),
    last_used_at: toStoredInstant(flavor, session.lastUsedAt),
    expire_at: toStoredInstant(flavor, session.expireAt),
    revoked_at: null,
    ip: session.ip,
    ua: session.ua,
  };
}

/** The record of a sessions-table row. */
export function sessionFromRow(
  row: ResultRow,
  keys: SessionRowKeys = PLAIN_SESSION_KEYS,
): SessionRecord {
  const ip = cell(row, keys.ip);
  const ua = cell(row, keys.ua);
  return {
    id: String(cell(row, keys.id)),
    userId: String(cell(row, keys.user_id)),
    kind: String(cell(row, keys.kind)) as ClientMode,
    keyHash: String(cell(row, keys.key_hash)),
    createdAt: fromStoredInstant(cell(row, keys.created_at)),
    updatedAt: fromStoredInstant(cell(row, keys.updated_at)),
    lastUsedAt: fromStoredInstant(cell(row, keys.last_used_at)),
    expireAt: fromStoredInstant(cell(row, keys.expire_at)),
    revokedAt: fromStoredNullableInstant(cell(row, keys.revoked_at)),
    ip: ip === null || ip === undefined ? null : String(ip),
    ua: ua === null || ua === undefined ? null : String(ua),
  };
}
