import { randomUUID } from "node:crypto";
import type { StorageAdapter } from "@axor/core";
import type { StorageContext } from "../storage-context.js";

type SecurityEventVerbs = Pick<StorageAdapter, "recordSecurityEvent">;

/** The security log: append-only rows with a random UUID key (portable, no auto-increment). */
export function securityEventVerbs({ db, tables }: StorageContext): SecurityEventVerbs {
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
          at: event.at.getTime(),
        })
        .execute();
    },
  };
}
