import { randomUUID } from "node:crypto";
import type { EventLog } from "@axor/core/storage";
import type { StorageContext } from "../storage-context.js";
import { toStoredInstant } from "../stored-values.js";

/** The security log: append-only rows with a random UUID key (portable, no auto-increment). */
export function securityEventVerbs({ db, flavor, tables }: StorageContext): EventLog {
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
  };
}
