import type { Kysely } from "kysely";

/** A better-sqlite3 statement as far as the reader uses it. */
interface RawStatement {
  raw(toggle: boolean): RawStatement;
  get(...parameters: unknown[]): unknown;
}

/** A better-sqlite3 database as far as the reader uses it. */
export interface ReaderConnection {
  prepare(sql: string): RawStatement;
  pragma(source: string): unknown;
  close(): unknown;
}

/**
 * A second connection to a SQLite file that `openDatabase` opened, used only for the session
 * lookup that every authenticated request runs. It reads without Kysely's connection mutex and
 * promise layers, one prepared statement per SQL text, rows as arrays (better-sqlite3's `raw`
 * mode: no object per row). Being its own connection, it sees committed data only (WAL lets it
 * read while the main connection writes), never a transaction still open on the main one.
 */
export class SqliteReader {
  #connection: ReaderConnection | null = null;
  readonly #statements = new Map<string, RawStatement>();

  /** Called once the main connection exists (the file is created and in WAL mode). */
  attach(connection: ReaderConnection): void {
    connection.pragma("query_only = ON");
    this.#connection = connection;
  }

  /** Whether the connection is open; until then, callers query through Kysely. */
  get ready(): boolean {
    return this.#connection !== null;
  }

  /** The first row of `sql` as an array of column values in select order, or undefined. */
  firstRow(sql: string, parameters: readonly unknown[]): unknown[] | undefined {
    const connection = this.#connection;
    if (!connection) throw new Error("The SQLite reader is not open");
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = connection.prepare(sql).raw(true);
      this.#statements.set(sql, statement);
    }
    return statement.get(...parameters) as unknown[] | undefined;
  }

  close(): void {
    this.#statements.clear();
    this.#connection?.close();
    this.#connection = null;
  }
}

const readers = new WeakMap<Kysely<any>, SqliteReader>();

/** Records the reader of a Kysely instance `openDatabase` made for a SQLite file. */
export function registerSqliteReader(db: Kysely<any>, reader: SqliteReader): void {
  readers.set(db, reader);
}

/** The reader of `db`, when `openDatabase` opened it on a SQLite file. */
export function sqliteReaderOf(db: Kysely<any>): SqliteReader | undefined {
  return readers.get(db);
}
