import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.js";
import type { PostgresTools } from "./postgres-tools.js";

/** A PostgreSQL server of the test's own: stopping it disturbs no other test. */
export interface PrivatePostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`: trust auth, TCP on 127.0.0.1 only. */
  url: string;
  /** `pg_ctl stop -m immediate`: every backend dies at once, as in a crash. */
  stopImmediately(): Promise<void>;
  /** `pg_ctl start -w`: resolves once the server accepts connections again. */
  start(): Promise<void>;
  /** Stops the server (if it runs) and deletes its folder. */
  remove(): Promise<void>;
}

/**
 * `initdb` into a new temp folder (owned by the OS user the tools run as), then starts the
 * cluster on a free port, listening on 127.0.0.1 with its socket in that folder, with fsync off
 * (the data is thrown away). Call `remove` when done.
 *
 * @example
 * ```ts
 * const cluster = await createPrivatePostgresCluster(tools);
 * await cluster.stopImmediately();
 * await cluster.start();
 * await cluster.remove();
 * ```
 */
export async function createPrivatePostgresCluster(
  tools: PostgresTools,
): Promise<PrivatePostgresCluster> {
  const folder = await mkdtemp(join(tmpdir(), "axor-private-postgres-"));
  const data = join(folder, "data");
  const log = join(folder, "server.log");
  const port = await freePort();
  const serverOptions = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    tools.run("pg_ctl", ["-D", data, "-l", log, "-o", serverOptions, "-w", "-t", "30", "start"]);
  try {
    await chown(folder, tools.owner.uid, tools.owner.gid);
    await tools.run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync"]);
    await start();
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stopImmediately() {
      await tools.run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    },
    async start() {
      await start();
    },
    async remove() {
      await tools.run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      await rm(folder, { recursive: true, force: true });
    },
  };
}
