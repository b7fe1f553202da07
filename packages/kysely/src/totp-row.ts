import type { TotpRecord } from "@axor/core/storage";
import type { SqlFlavor } from "./sql-flavor.js";
import {
  fromStoredBoolean,
  fromStoredInstant,
  fromStoredNumber,
  toStoredBoolean,
  toStoredInstant,
} from "./stored-values.js";

/** The columns of the TOTP table. */
export const TOTP_COLUMNS = [
  "user_id",
  "encrypted_secret",
  "confirmed",
  "last_used_step",
  "created_at",
] as const;

/** A TOTP row as a driver returns it. */
export type TotpRow = Record<(typeof TOTP_COLUMNS)[number], unknown>;

/** The row to store for a TOTP setup. */
export function totpRow(flavor: SqlFlavor, totp: TotpRecord): Record<string, unknown> {
  return {
    user_id: totp.userId,
    encrypted_secret: totp.encryptedSecret,
    confirmed: toStoredBoolean(flavor, totp.confirmed),
    last_used_step: totp.lastUsedStep,
    created_at: toStoredInstant(flavor, totp.createdAt),
  };
}

/** The record of a TOTP row. */
export function totpFromRow(row: TotpRow): TotpRecord {
  return {
    userId: String(row.user_id),
    encryptedSecret: String(row.encrypted_secret),
    confirmed: fromStoredBoolean(row.confirmed),
    lastUsedStep: fromStoredNumber(row.last_used_step),
    createdAt: fromStoredInstant(row.created_at),
  };
}
