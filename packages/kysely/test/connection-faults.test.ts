import { StorageUnavailableError } from "@axor/core/storage";
import { testServerUrl } from "@axor/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isConnectionFailure } from "../src/connection-failure.js";
import { kyselyStorage, migrateToLatest, type OpenedDatabase, openDatabase } from "../src/index.js";
import { isTransientConflict } from "../src/transient-conflict.js";
import {
  freshServerDatabase,
  MYSQL_URL_VARIABLE,
  POSTGRES_URL_VARIABLE,
} from "./support/fresh-server-database.js";
import type { TestDatabase } from "./support/test-database.js";

const servers = [
  {
    name: "PostgreSQL",
    url: testServerUrl(POSTGRES_URL_VARIABLE, "PostgreSQL"),
    variable: POSTGRES_URL_VARIABLE,
    ownConnectionId: sql<{ id: number }>`select pg_backend_pid() as id`,
    kill: (id: number) => sql`select pg_terminate_backend(${id})`,
    sleep: sql`select pg_sleep(3)`,
  },
  {
    name: "MariaDB",
    url: testServerUrl(MYSQL_URL_VARIABLE, "MariaDB"),
    variable: MYSQL_URL_VARIABLE,
    ownConnectionId: sql<{ id: number }>`select connection_id() as id`,
    kill: (id: number) => sql`kill ${sql.raw(String(Number(id)))}`,
    sleep: sql`select sleep(3)`,
  },
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const server of servers) {
  describe.skipIf(!server.url)(`${server.name} faults (set ${server.variable} to run)`, () => {
    let database: TestDatabase;
    let admin: OpenedDatabase;
    const opened: OpenedDatabase[] = [];
    const open = (options: Parameters<typeof openDatabase>[1]) => {
      const next = openDatabase(database.url, options);
      opened.push(next);
      return next;
    };

    beforeAll(async () => {
      database = await freshServerDatabase(server.url ?? "");
      await migrateToLatest(database.opened.db);
      admin = openDatabase(server.url ?? "");
    });
    afterAll(async () => {
      await Promise.all(opened.map((each) => each.close()));
      await admin?.close();
      await database?.drop();
    });

    it("a checked-out connection whose server side is killed does not crash the process, and the next query gets a fresh one", async () => {
      const { db } = open({});
      const failure = await db
        .connection()
        .execute(async (connection) => {
          const { rows } = await server.ownConnectionId.execute(connection);
          await server.kill(Number(rows[0]?.id)).execute(admin.db);
          // Held, idle and checked out while the server closes it: the moment pg used to throw.
          await pause(300);
          return sql`select 1`.execute(connection);
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(failure).toBeInstanceOf(Error);
      const storage = kyselyStorage(db);
      await expect(storage.getUserByEmail("nobody@example.com")).resolves.toBeNull();
    });

    it("a real deadlock between two transactions is recognised as a conflict safe to retry", async () => {
      const { db } = open({});
      await sql`create table deadlock_probe (id int primary key, n int)`.execute(db);
      await sql`insert into deadlock_probe values (1, 0), (2, 0)`.execute(db);
      let bothHoldOneRow = () => {};
      const barrier = new Promise<void>((resolve) => {
        let waiting = 2;
        bothHoldOneRow = () => {
          waiting -= 1;
          if (waiting === 0) resolve();
        };
      });
      const crossing = (first: number, second: number) =>
        db.transaction().execute(async (trx) => {
          await sql`update deadlock_probe set n = n + 1 where id = ${first}`.execute(trx);
          bothHoldOneRow();
          await barrier;
          await sql`update deadlock_probe set n = n + 1 where id = ${second}`.execute(trx);
        });
      const outcomes = await Promise.allSettled([crossing(1, 2), crossing(2, 1)]);
      const failures = outcomes.filter((outcome) => outcome.status === "rejected");
      expect(failures).toHaveLength(1);
      expect(isTransientConflict((failures[0] as PromiseRejectedResult).reason)).toBe(true);
    });

    it("a statement past statementTimeoutSeconds fails as unavailable, and the pool goes on", async () => {
      const { db } = open({ statementTimeoutSeconds: 0.3 });
      const started = Date.now();
      const failure = await server.sleep.execute(db).catch((error: unknown) => error);
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(isConnectionFailure(failure)).toBe(true);
      await expect(sql`select 1 as one`.execute(db)).resolves.toMatchObject({ rows: [{ one: 1 }] });
    });

    it("waiting for a connection from a full pool is bounded by connectTimeoutSeconds, and the storage answers StorageUnavailableError", async () => {
      const { db } = open({ poolSize: 1, connectTimeoutSeconds: 0.3 });
      const storage = kyselyStorage(db);
      let release = () => {};
      const held = db.connection().execute(async (connection) => {
        await sql`select 1`.execute(connection);
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      });
      await pause(100);
      const started = Date.now();
      const failure = await storage.getUserById("x").catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StorageUnavailableError);
      // Three calls (a read is retried twice) of at most 0.3 s each, plus the pauses between.
      expect(Date.now() - started).toBeLessThan(2_000);
      release();
      await held;
      await expect(storage.getUserById("x")).resolves.toBeNull();
    });
  });
}
