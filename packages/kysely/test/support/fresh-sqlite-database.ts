import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../src/index.js";
import type { TestDatabase } from "./test-database.js";

/** A SQLite file in a new temp folder (the folder under it is created by `openDatabase`). */
export async function freshSqliteDatabase(): Promise<TestDatabase> {
  const folder = await mkdtemp(join(tmpdir(), "axor-kysely-"));
  const url = join(folder, "nested", "axor.db");
  const opened = openDatabase(url);
  return {
    url,
    opened,
    async drop() {
      await opened.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
