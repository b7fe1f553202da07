import type { Server } from "node:net";
import { type Axor, createAxor } from "@axor/core";
import { kyselyStorage, migrateToLatest, openDatabase } from "@axor/kysely";
import { closeServer } from "./close-server.js";
import { type ExampleConfig, readExampleConfig } from "./example-config.js";
import { stopOnSignals } from "./stop-on-signals.js";

/** Where an example listens: its PORT and HOST. */
export interface ListenAddress {
  port: number;
  host: string;
}

/** An example app listening, as its framework started it. */
export interface ExampleServer {
  /** The listening Node server (the port it really got is logged, so PORT=0 works). */
  server: Server;
  /**
   * The framework's own shutdown, if it has one (Fastify's `app.close()`). Without it the
   * server is closed directly: idle keep-alive connections at once, busy ones after 5 s.
   */
  close?(): Promise<void>;
}

/** Builds the example's app around `axor` and listens on `address`; resolves once listening. */
export type ListenExample = (axor: Axor, address: ListenAddress) => Promise<ExampleServer>;

function readConfigOrExit(): ExampleConfig {
  try {
    return readExampleConfig();
  } catch (error) {
    console.error(`Cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}

function portOf(server: Server, fallback: number): number {
  const address = server.address();
  return typeof address === "object" && address ? address.port : fallback;
}

/**
 * Runs an example app: reads the environment (see `readExampleConfig`; a bad one prints
 * "Cannot start: ..." and exits with 1), opens and migrates the database, creates the Axor
 * instance, lets `listen` serve it, and logs "<name> example listening on http://HOST:PORT".
 * On SIGINT or SIGTERM it closes the server, then the database, and exits with 0 (1 on error).
 *
 * @example
 * ```ts
 * import { startExample } from "@axor/example-support";
 * import { createApp } from "./app.js";
 *
 * await startExample("Fastify", async (axor, { port, host }) => {
 *   const app = await createApp(axor);
 *   await app.listen({ port, host });
 *   return { server: app.server, close: () => app.close() };
 * });
 * ```
 */
export async function startExample(name: string, listen: ListenExample): Promise<void> {
  const config = readConfigOrExit();
  const database = openDatabase(config.database);
  const { applied } = await migrateToLatest(database.db);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);

  const axor = createAxor({ ...config.axor, storage: kyselyStorage(database.db) });
  const listening = await listen(axor, { port: config.port, host: config.host });
  const port = portOf(listening.server, config.port);
  console.log(`${name} example listening on http://${config.host}:${port} (API at /api/user)`);

  stopOnSignals(async () => {
    await (listening.close ? listening.close() : closeServer(listening.server));
    await database.close();
  });
}
