import { type Kysely, type Migration, sql } from "kysely";
import { detectSqlFlavor } from "../sql-flavor.js";
import type { TableNames } from "../table-names.js";

/** One instant column: its table, its name, whether it may be NULL. */
interface InstantColumn {
  table: string;
  column: string;
  nullable: boolean;
}

/** An index that covers an instant column (MySQL must rebuild it around the column swap). */
interface InstantIndex {
  table: string;
  name: string;
  columns: [string, string];
}

function instantColumns(t: TableNames): InstantColumn[] {
  const notNull = (table: string, ...columns: string[]) =>
    columns.map((column) => ({ table, column, nullable: false }));
  return [
    ...notNull(t.users, "created_at", "updated_at"),
    ...notNull(t.sessions, "created_at", "updated_at", "last_used_at", "expire_at"),
    { table: t.sessions, column: "revoked_at", nullable: true },
    ...notNull(t.oneTimeTokens, "created_at", "expire_at"),
    ...notNull(t.totp, "created_at"),
    ...notNull(t.counters, "reset_at"),
    ...notNull(t.securityEvents, "at"),
  ];
}

function instantIndexes(t: TableNames): InstantIndex[] {
  return [
    {
      table: t.sessions,
      name: `${t.sessions}_user_created_idx`,
      columns: ["user_id", "created_at"],
    },
    {
      table: t.securityEvents,
      name: `${t.securityEvents}_user_at_idx`,
      columns: ["user_id", "at"],
    },
  ];
}

/** Column type and value conversions, one direction of the migration. */
interface Conversion {
  /** The MySQL column type after the conversion. */
  mysqlType: string;
  /** The PostgreSQL column type after the conversion. */
  postgresType: string;
  /** Converts the old value of `column` on PostgreSQL (a `USING` expression). */
  postgres(column: string): ReturnType<typeof sql>;
  /** Converts the old value of `column` on MySQL. */
  mysql(column: string): ReturnType<typeof sql>;
}

const TO_NATIVE: Conversion = {
  mysqlType: "datetime(3)",
  postgresType: "timestamptz",
  // Time-zone free on both: the epoch plus a number of milliseconds.
  postgres: (c) => sql`timestamptz 'epoch' + ${sql.ref(c)} * interval '1 millisecond'`,
  mysql: (c) => sql`timestampadd(microsecond, ${sql.ref(c)} * 1000, '1970-01-01 00:00:00')`,
};

const TO_EPOCH_MS: Conversion = {
  mysqlType: "bigint",
  postgresType: "bigint",
  postgres: (c) => sql`(extract(epoch from ${sql.ref(c)}) * 1000)::bigint`,
  mysql: (c) => sql`timestampdiff(microsecond, '1970-01-01 00:00:00', ${sql.ref(c)}) div 1000`,
};

/**
 * Instants in each database's own type: `timestamptz` on PostgreSQL and `DATETIME(3)` (UTC) on
 * MySQL/MariaDB, converted in place from the BIGINT epoch milliseconds of 0001, so ad-hoc SQL,
 * reports and cleanup jobs read them as times. The instants are kept to the millisecond.
 * SQLite has no time type: its INTEGER epoch milliseconds stay as they are.
 *
 * PostgreSQL converts each table with one `ALTER TABLE ... TYPE ... USING`, inside the
 * migration's transaction. MySQL cannot change a column's type with a conversion, so each column
 * is copied into a new one that then takes its name; the two indexes over instants are rebuilt.
 */
export function nativeTimestamps(t: TableNames): Migration {
  return {
    up: (db) => convertInstants(db, t, TO_NATIVE),
    down: (db) => convertInstants(db, t, TO_EPOCH_MS),
  };
}

async function convertInstants(db: Kysely<any>, t: TableNames, to: Conversion): Promise<void> {
  const flavor = detectSqlFlavor(db);
  if (flavor === "sqlite") return;
  const columns = instantColumns(t);
  const tables = [...new Set(columns.map(({ table }) => table))];
  if (flavor === "postgres") {
    for (const table of tables) {
      const changes = columns
        .filter((c) => c.table === table)
        .map(
          ({ column }) =>
            sql`alter column ${sql.ref(column)} type ${sql.raw(to.postgresType)} using ${to.postgres(column)}`,
        );
      await sql`alter table ${sql.table(table)} ${sql.join(changes)}`.execute(db);
    }
    return;
  }
  const indexes = instantIndexes(t);
  for (const { table, name } of indexes) {
    await db.schema.dropIndex(name).on(table).execute();
  }
  for (const table of tables) {
    const mine = columns.filter((c) => c.table === table);
    const temporary = (column: string) => `${column}__converted`;
    await sql`alter table ${sql.table(table)} ${sql.join(
      mine.map(
        ({ column }) => sql`add column ${sql.ref(temporary(column))} ${sql.raw(to.mysqlType)} null`,
      ),
    )}`.execute(db);
    await db
      .updateTable(table)
      .set(Object.fromEntries(mine.map(({ column }) => [temporary(column), to.mysql(column)])))
      .execute();
    await sql`alter table ${sql.table(table)} ${sql.join(
      mine.map(({ column }) => sql`drop column ${sql.ref(column)}`),
    )}`.execute(db);
    await sql`alter table ${sql.table(table)} ${sql.join(
      mine.map(
        ({ column, nullable }) =>
          sql`change column ${sql.ref(temporary(column))} ${sql.ref(column)} ${sql.raw(to.mysqlType)} ${sql.raw(nullable ? "null" : "not null")}`,
      ),
    )}`.execute(db);
  }
  for (const { table, name, columns: indexed } of indexes) {
    await db.schema.createIndex(name).on(table).columns(indexed).execute();
  }
}
