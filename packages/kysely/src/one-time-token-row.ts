import type { OneTimeTokenPurpose, OneTimeTokenRecord } from "@axor/core/storage";
import type { SqlFlavor } from "./sql-flavor.js";
import { fromStoredInstant, toStoredInstant } from "./stored-values.js";

/** The columns of the one-time-tokens table. */
export const ONE_TIME_TOKEN_COLUMNS = [
  "token_hash",
  "purpose",
  "user_id",
  "email",
  "created_at",
  "expire_at",
] as const;

/** A one-time-tokens row as a driver returns it. */
export type OneTimeTokenRow = Record<(typeof ONE_TIME_TOKEN_COLUMNS)[number], unknown>;

/** The row to insert for a token. */
export function oneTimeTokenRow(
  flavor: SqlFlavor,
  token: OneTimeTokenRecord,
): Record<string, unknown> {
  return {
    token_hash: token.tokenHash,
    purpose: token.purpose,
    user_id: token.userId,
    email: token.email,
    created_at: toStoredInstant(flavor, token.createdAt),
    expire_at: toStoredInstant(flavor, token.expireAt),
  };
}

/** The record of a one-time-tokens row. */
export function oneTimeTokenFromRow(row: OneTimeTokenRow): OneTimeTokenRecord {
  return {
    tokenHash: String(row.token_hash),
    purpose: String(row.purpose) as OneTimeTokenPurpose,
    userId: String(row.user_id),
    email: String(row.email),
    createdAt: fromStoredInstant(row.created_at),
    expireAt: fromStoredInstant(row.expire_at),
  };
}
