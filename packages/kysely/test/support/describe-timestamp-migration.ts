import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { kyselyStorage, migrateToLatest } from "../../src/index.js";
import { migratorFor } from "../../src/migrate.js";
import { tableNames } from "../../src/table-names.js";

/** Instants with milliseconds, before and after 1970, in summer and winter. */
const CREATED = new Date("2024-07-14T21:35:07.123Z");
const UPDATED = new Date("2025-01-02T03:04:05.678Z");
const EXPIRES = new Date("2999-12-31T23:59:59.999Z");
const OLD = new Date("1969-07-20T20:17:40.001Z");

/**
 * 0002_native_timestamps on a database that has data: rows written at 0001 (epoch milliseconds)
 * read back as the same instants after migrating to the latest schema, and again after the
 * migration is undone. `native` tells whether the database has a time type (not SQLite).
 */
export function describeTimestampMigration(
  name: string,
  db: () => Kysely<any>,
  native: boolean,
): void {
  describe(`kysely on ${name}: 0002_native_timestamps`, () => {
    it("keeps every stored instant, to the millisecond, and can be undone", async () => {
      const prefix = `m${randomUUID().slice(0, 8)}_`;
      const t = tableNames(prefix);
      const migrator = await migratorFor(db(), { tablePrefix: prefix });
      expect((await migrator.migrateTo("0001_initial_schema")).error).toBeUndefined();

      const userId = randomUUID();
      const ms = (date: Date) => date.getTime();
      // better-sqlite3 binds no booleans; the server databases take them as they are.
      const flag = (value: boolean) => (native ? value : Number(value));
      await db()
        .insertInto(t.users)
        .values({
          id: userId,
          email: `${userId}@example.com`,
          password_hash: "h",
          first_name: "Ada",
          last_name: "Lovelace",
          timezone: "UTC",
          is_active: flag(true),
          is_email_verified: flag(true),
          totp_enabled: flag(false),
          created_at: ms(CREATED),
          updated_at: ms(UPDATED),
        })
        .execute();
      const sessionId = randomUUID();
      await db()
        .insertInto(t.sessions)
        .values({
          id: sessionId,
          user_id: userId,
          kind: "web",
          key_hash: `key-${sessionId}`,
          created_at: ms(CREATED),
          updated_at: ms(UPDATED),
          last_used_at: ms(UPDATED),
          expire_at: ms(EXPIRES),
          revoked_at: null,
          ip: null,
          ua: null,
        })
        .execute();
      await db()
        .insertInto(t.sessions)
        .values({
          id: randomUUID(),
          user_id: userId,
          kind: "app",
          key_hash: `revoked-${sessionId}`,
          created_at: ms(OLD),
          updated_at: ms(OLD),
          last_used_at: ms(OLD),
          expire_at: ms(EXPIRES),
          revoked_at: ms(CREATED),
          ip: null,
          ua: null,
        })
        .execute();
      await db()
        .insertInto(t.oneTimeTokens)
        .values({
          token_hash: `token-${userId}`,
          purpose: "verify_email",
          user_id: userId,
          email: `${userId}@example.com`,
          created_at: ms(CREATED),
          expire_at: ms(EXPIRES),
        })
        .execute();
      await db()
        .insertInto(t.totp)
        .values({
          user_id: userId,
          encrypted_secret: "s",
          confirmed: flag(false),
          last_used_step: 0,
          created_at: ms(OLD),
        })
        .execute();
      await db()
        .insertInto(t.counters)
        .values({ counter_key: `c-${userId}`, hits: 3, reset_at: ms(EXPIRES) })
        .execute();
      await db()
        .insertInto(t.securityEvents)
        .values({
          id: randomUUID(),
          user_id: userId,
          type: "login",
          ip: null,
          ua: null,
          at: ms(UPDATED),
        })
        .execute();

      expect(await migrateToLatest(db(), { tablePrefix: prefix })).toEqual({
        applied: ["0002_native_timestamps", "0003_user_fields", "0004_latest_session_index"],
      });

      const storage = kyselyStorage(db(), { tablePrefix: prefix });
      const user = await storage.getUserById(userId);
      expect(user?.createdAt).toEqual(CREATED);
      expect(user?.updatedAt).toEqual(UPDATED);
      expect(user?.fields).toEqual({}); // 0003: a user from before the column has no fields
      const live = await storage.getLiveSession(`key-${sessionId}`, new Date());
      expect(live?.session).toMatchObject({
        createdAt: CREATED,
        updatedAt: UPDATED,
        lastUsedAt: UPDATED,
        expireAt: EXPIRES,
        revokedAt: null,
      });
      const revoked = await db()
        .selectFrom(t.sessions)
        .select(["revoked_at", "created_at"])
        .where("key_hash", "=", `revoked-${sessionId}`)
        .executeTakeFirstOrThrow();
      const token = await storage.findOneTimeToken(`token-${userId}`, "verify_email", new Date());
      expect(token).toMatchObject({ createdAt: CREATED, expireAt: EXPIRES });
      expect((await storage.getTotp(userId))?.createdAt).toEqual(OLD);
      expect(await storage.getCounter(`c-${userId}`, new Date())).toEqual({
        count: 3,
        resetAt: EXPIRES,
      });
      const event = await db()
        .selectFrom(t.securityEvents)
        .select("at")
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow();

      if (native) {
        // The driver hands a time type back as a Date: the columns are no longer numbers.
        expect(revoked.revoked_at).toEqual(CREATED);
        expect(revoked.created_at).toEqual(OLD);
        expect(event.at).toEqual(UPDATED);
      } else {
        expect(Number(revoked.revoked_at)).toBe(ms(CREATED));
        expect(Number(event.at)).toBe(ms(UPDATED));
      }

      // New writes after the migration read back the same way.
      const later = new Date("2030-05-06T07:08:09.010Z");
      await storage.recordSecurityEvent({ userId, type: "logout", ip: null, ua: null, at: later });
      expect(await storage.revokeUserSessions(userId, later)).toBe(1);

      const down = await migrator.migrateTo("0001_initial_schema");
      expect(down.error).toBeUndefined();
      const back = await db()
        .selectFrom(t.users)
        .select(["created_at", "updated_at"])
        .where("id", "=", userId)
        .executeTakeFirstOrThrow();
      expect(Number(back.created_at)).toBe(ms(CREATED));
      expect(Number(back.updated_at)).toBe(ms(UPDATED));
      const events = await db()
        .selectFrom(t.securityEvents)
        .select("at")
        .where("user_id", "=", userId)
        .orderBy("at")
        .execute();
      expect(events.map((row) => Number(row.at))).toEqual([ms(UPDATED), ms(later)]);
    });
  });
}
