// Prints what `openDatabase` + the first query say about a database's driver: "ok", or the
// error's name and message.
import { migrateToLatest, openDatabase } from "@axor/kysely";

try {
  const { db, close } = openDatabase(process.argv[2] ?? ":memory:");
  try {
    await migrateToLatest(db);
  } finally {
    await close();
  }
  console.log("ok");
} catch (error) {
  const { name, message } = error as Error;
  console.log(`${name}: ${message}`);
}
