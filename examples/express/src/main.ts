import { createAxor } from "@axor/core";
import { kyselyStorage, migrateToLatest, openDatabase } from "@axor/kysely";
import { createApp } from "./app.js";
import { readExampleConfig } from "./example-config.js";

const config = (() => {
  try {
    return readExampleConfig();
  } catch (error) {
    console.error(`Cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
})();
const database = openDatabase(config.database);
const { applied } = await migrateToLatest(database.db);
if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);

const axor = createAxor({ ...config.axor, storage: kyselyStorage(database.db) });
const server = createApp(axor).listen(config.port, config.host, (error?: Error) => {
  if (error) throw error;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(`Express example listening on http://${config.host}:${port} (API at /api/user)`);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing the server and the database`);
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 5_000).unref(); // don't wait forever
  await closed;
  await database.close();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
