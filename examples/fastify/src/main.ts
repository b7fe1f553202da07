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
const app = await createApp(axor);
const address = await app.listen({ port: config.port, host: config.host });
console.log(`Fastify example listening on ${address} (API at /api/user)`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing the server and the database`);
  await app.close();
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
