import { type CreateTableBuilder, type Kysely, type Migration, sql } from "kysely";
import { detectSqlFlavor } from "../sql-flavor.js";
import type { TableNames } from "../table-names.js";

/**
 * The first schema: seven tables with BIGINT epoch-millisecond instants, VARCHAR(36) UUIDs and
 * an index behind every lookup the adapter makes. On MySQL the tables use utf8mb4 with a binary
 * collation, so hashes and keys compare byte for byte as they do on SQLite and PostgreSQL.
 */
export function initialSchema(t: TableNames): Migration {
  return {
    async up(db: Kysely<any>) {
      const flavor = detectSqlFlavor(db);
      const create = (table: string) => {
        const builder = db.schema.createTable(table);
        return flavor === "mysql"
          ? builder.modifyEnd(sql`default character set utf8mb4 collate utf8mb4_bin`)
          : builder;
      };
      const run = (builder: CreateTableBuilder<string, string>) => builder.execute();

      await run(
        create(t.users)
          .addColumn("id", "varchar(36)", (col) => col.primaryKey())
          .addColumn("email", "varchar(320)", (col) => col.notNull())
          .addColumn("password_hash", "varchar(255)", (col) => col.notNull())
          .addColumn("first_name", "varchar(255)", (col) => col.notNull())
          .addColumn("last_name", "varchar(255)", (col) => col.notNull())
          .addColumn("timezone", "varchar(64)", (col) => col.notNull())
          .addColumn("is_active", "boolean", (col) => col.notNull())
          .addColumn("is_email_verified", "boolean", (col) => col.notNull())
          .addColumn("totp_enabled", "boolean", (col) => col.notNull())
          .addColumn("created_at", "bigint", (col) => col.notNull())
          .addColumn("updated_at", "bigint", (col) => col.notNull())
          .addUniqueConstraint(`${t.users}_email_key`, ["email"]),
      );

      await run(
        create(t.sessions)
          .addColumn("id", "varchar(36)", (col) => col.primaryKey())
          .addColumn("user_id", "varchar(36)", (col) => col.notNull())
          .addColumn("kind", "varchar(8)", (col) => col.notNull())
          .addColumn("key_hash", "varchar(128)", (col) => col.notNull())
          .addColumn("created_at", "bigint", (col) => col.notNull())
          .addColumn("updated_at", "bigint", (col) => col.notNull())
          .addColumn("last_used_at", "bigint", (col) => col.notNull())
          .addColumn("expire_at", "bigint", (col) => col.notNull())
          .addColumn("revoked_at", "bigint")
          .addColumn("ip", "text")
          .addColumn("ua", "text")
          .addUniqueConstraint(`${t.sessions}_key_hash_key`, ["key_hash"]),
      );
      await db.schema
        .createIndex(`${t.sessions}_user_created_idx`)
        .on(t.sessions)
        .columns(["user_id", "created_at"])
        .execute();

      await run(
        create(t.oneTimeTokens)
          .addColumn("token_hash", "varchar(128)", (col) => col.primaryKey())
          .addColumn("purpose", "varchar(32)", (col) => col.notNull())
          .addColumn("user_id", "varchar(36)", (col) => col.notNull())
          .addColumn("email", "varchar(320)", (col) => col.notNull())
          .addColumn("created_at", "bigint", (col) => col.notNull())
          .addColumn("expire_at", "bigint", (col) => col.notNull()),
      );
      await db.schema
        .createIndex(`${t.oneTimeTokens}_user_idx`)
        .on(t.oneTimeTokens)
        .columns(["user_id", "purpose"])
        .execute();

      await run(
        create(t.totp)
          .addColumn("user_id", "varchar(36)", (col) => col.primaryKey())
          .addColumn("encrypted_secret", "text", (col) => col.notNull())
          .addColumn("confirmed", "boolean", (col) => col.notNull())
          .addColumn("last_used_step", "bigint", (col) => col.notNull())
          .addColumn("created_at", "bigint", (col) => col.notNull()),
      );

      await run(
        create(t.backupCodes)
          .addColumn("user_id", "varchar(36)", (col) => col.notNull())
          .addColumn("code_hash", "varchar(128)", (col) => col.notNull())
          .addPrimaryKeyConstraint(`${t.backupCodes}_pkey`, ["user_id", "code_hash"]),
      );

      await run(
        create(t.counters)
          .addColumn("counter_key", "varchar(512)", (col) => col.primaryKey())
          .addColumn("hits", "integer", (col) => col.notNull())
          .addColumn("reset_at", "bigint", (col) => col.notNull()),
      );

      await run(
        create(t.securityEvents)
          .addColumn("id", "varchar(36)", (col) => col.primaryKey())
          .addColumn("user_id", "varchar(36)")
          .addColumn("type", "varchar(64)", (col) => col.notNull())
          .addColumn("ip", "text")
          .addColumn("ua", "text")
          .addColumn("at", "bigint", (col) => col.notNull()),
      );
      await db.schema
        .createIndex(`${t.securityEvents}_user_at_idx`)
        .on(t.securityEvents)
        .columns(["user_id", "at"])
        .execute();
    },

    async down(db: Kysely<any>) {
      for (const table of [
        t.securityEvents,
        t.counters,
        t.backupCodes,
        t.totp,
        t.oneTimeTokens,
        t.sessions,
        t.users,
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
