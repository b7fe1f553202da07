import { randomUUID } from "node:crypto";
import type { EventLog, EventLogReader } from "@axor/core/storage";
import type { StorageContext } from "../storage-context.js";
import { fromStoredInstant, toStoredInstant } from "../stored-values.js";

interface EventRow {
  id: unknown;
  user_id: unknown;
  type: unknown;
  ip: unknown;
  ua: unknown;
  at: unknown;
}

const textOrNull = (value: unknown) =>
  value === null || value === undefined ? null : String(value);

/**
 * The security log: append-only rows with a random UUID key (portable, no auto-increment),
 * read back newest first by user and time range, and purged per user on request.
 */
export function securityEventVerbs({
  db,
  flavor,
  tables,
}: StorageContext): EventLog & EventLogReader {
  return {
    async recordSecurityEvent(event) {
      await db
        .insertInto(tables.securityEvents)
        .values({
          id: randomUUID(),
          user_id: event.userId,
          type: event.type,
          ip: event.ip,
          ua: event.ua,
          at: toStoredInstant(flavor, event.at),
        })
        .execute();
    },

    async listSecurityEvents({ userId, from, to, offset, limit }) {
      let query = db.selectFrom(tables.securityEvents).selectAll();
      if (userId !== undefined) query = query.where("user_id", "=", userId);
      if (from !== undefined) query = query.where("at", ">=", toStoredInstant(flavor, from));
      if (to !== undefined) query = query.where("at", "<", toStoredInstant(flavor, to));
      const rows = await query
        .orderBy("at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .offset(offset)
        .execute();
      return (rows as EventRow[]).map((row) => ({
        id: String(row.id),
        userId: textOrNull(row.user_id),
        type: String(row.type),
        ip: textOrNull(row.ip),
        ua: textOrNull(row.ua),
        at: fromStoredInstant(row.at),
      }));
    },

    async deleteSecurityEvents(userId) {
      const result = await db
        .deleteFrom(tables.securityEvents)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
