// A script as docs/server-api.md shows it: open, work, close. Run by close.test.ts as a child
// process: prints "done" when its work is over; with "--no-close" it skips `axor.close()`.
import { randomUUID } from "node:crypto";
import { createAxor } from "../../../core/src/index.js";
import { kyselyStorage, migrateToLatest, openDatabase } from "../../src/index.js";

const [url, prefix, mode] = process.argv.slice(2);
const { db } = openDatabase(url ?? "");
await migrateToLatest(db, { tablePrefix: prefix });
const axor = createAxor({
  storage: kyselyStorage(db, { tablePrefix: prefix }),
  secret: "script-secret-script-secret-script!",
  argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
});
const user = await axor.users.create({
  email: `script-${randomUUID()}@example.com`,
  first_name: "Ada",
  last_name: "Lovelace",
});
await axor.users.markEmailVerified(user.id);
if (mode !== "--no-close") await axor.close();
console.log("done");
