import type { Kysely } from "kysely";
import { migrateToLatest, migrationStatus } from "../migrate.js";

/** `axor-kysely migrate`: applies what is pending and says what it applied. */
export async function migrateCommand(db: Kysely<any>, tablePrefix?: string): Promise<number> {
  const { applied } = await migrateToLatest(db, { tablePrefix });
  process.stdout.write(
    applied.length === 0
      ? "Already up to date.\n"
      : applied.map((name) => `Applied ${name}\n`).join(""),
  );
  return 0;
}

/** `status`'s exit code while migrations are pending (1 is kept for errors). */
const PENDING_EXIT_CODE = 2;

/** `axor-kysely status`: each migration, applied (when) or pending; exit 2 while one is pending. */
export async function statusCommand(db: Kysely<any>, tablePrefix?: string): Promise<number> {
  const states = await migrationStatus(db, { tablePrefix });
  for (const { name, appliedAt } of states) {
    process.stdout.write(
      `${appliedAt ? `applied ${appliedAt.toISOString()}` : "pending"}  ${name}\n`,
    );
  }
  const pending = states.filter((state) => state.appliedAt === null).length;
  process.stdout.write(pending === 0 ? "Up to date.\n" : `${pending} pending.\n`);
  return pending > 0 ? PENDING_EXIT_CODE : 0;
}
