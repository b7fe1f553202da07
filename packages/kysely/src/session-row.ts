import type { NewSession, SessionKind, SessionRecord } from "@axor/core";
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

/** The row to insert for a new session (not revoked). */
export function newSessionRow(session: NewSession): Record<string, unknown> {
  return {
    id: session.id,
    user_id: session.userId,
    kind: session.kind,
    key_hash: session.keyHash,
    created_at: toStoredInstant(session.createdAt),
    updated_at: toStoredInstant(session.updatedAt),
    last_used_at: toStoredInstant(session.lastUsedAt),
    expire_at: toStoredInstant(session.expireAt),
    revoked_at: null,
    ip: session.ip,
    ua: session.ua,
  };
}

/** The record of a sessions-table row. */
export function sessionFromRow(row: SessionRow): SessionRecord {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    kind: String(row.kind) as SessionKind,
    keyHash: String(row.key_hash),
    createdAt: fromStoredInstant(row.created_at),
    updatedAt: fromStoredInstant(row.updated_at),
    lastUsedAt: fromStoredInstant(row.last_used_at),
    expireAt: fromStoredInstant(row.expire_at),
    revokedAt: fromStoredNullableInstant(row.revoked_at),
    ip: row.ip === null || row.ip === undefined ? null : String(row.ip),
    ua: row.ua === null || row.ua === undefined ? null : String(row.ua),
  };
}
