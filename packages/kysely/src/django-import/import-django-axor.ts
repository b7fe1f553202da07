import { createBackupCodes, createSecretBox, type NewSession } from "@axor/core/storage";
import type { Kysely, Transaction } from "kysely";
import * as v from "valibot";
import { migrateToLatest } from "../migrate.js";
import { newSessionRow } from "../session-row.js";
import { detectSqlFlavor, type SqlFlavor } from "../sql-flavor.js";
import { type TableNames, tableNames } from "../table-names.js";
import { totpRow } from "../totp-row.js";
import { newUserRow } from "../user-row.js";
import {
  ConversionProblem,
  type ConversionSettings,
  type ConvertedUser,
  convertDjangoSessions,
  convertDjangoUser,
} from "./convert-django-user.js";
import { type DjangoUserRow, djangoUserRow, rowProblem } from "./django-rows.js";
import { djangoAxorAesKey } from "./django-sealed-value.js";

/** The options of `importDjangoAxor`. */
export interface DjangoImportOptions {
  /** The Django Axor database (tables `axor_users`, `axor_sessions`, `axor_app_tokens`, `axor_totp`). */
  from: Kysely<any>;
  /** Axor's database; its pending migrations are applied first. */
  to: Kysely<any>;
  /** Axor's table prefix. Default `axor_`. */
  tablePrefix?: string;
  /** Django's SECRET_KEY: opens TOTP secrets. Without it, users with 2FA on are skipped. */
  djangoSecretKey?: string;
  /** Axor's `secret` (the `createAxor` option): seals TOTP secrets, hashes backup codes. */
  axorSecret?: string;
  /** Imported app tokens expire this many days after the import. Default 90 (Axor's default). */
  appTokenLifetimeDays?: number;
  /** Users read and written per batch. Default 200. */
  batchSize?: number;
  /** The clock: what is live, and when app tokens expire. Default now. */
  now?: Date;
  /** Called after each batch with the users done so far and in all. */
  onProgress?: (done: number, total: number) => void;
  /** Called with one sentence for each user or row left out. */
  onSkip?: (reason: string) => void;
}

/** What an import did. `alreadyPresent` counts what an earlier run brought over. */
export interface DjangoImportSummary {
  users: { imported: number; alreadyPresent: number; skipped: number };
  sessions: { imported: number; alreadyPresent: number; skipped: number };
  appTokens: { imported: number; alreadyPresent: number; skipped: number };
  totp: { imported: number; backupCodes: number };
}

const DJANGO = {
  users: "axor_users",
  sessions: "axor_sessions",
  appTokens: "axor_app_tokens",
  totp: "axor_totp",
} as const;
const DAY_MS = 86_400_000;

const isValid = (row: Record<string, unknown>) => row.is_valid === true || row.is_valid === 1;

/**
 * Brings a Django Axor (django-axor-auth) database over to Axor: users (bcrypt hashes kept, so
 * they log in with their passwords and are rehashed to argon2id then), live sessions and app
 * tokens (their key hashes as they are: SHA-256 hex of the raw key, Axor's own form), and
 * enabled TOTP setups with their unused backup codes (given Django's SECRET_KEY and Axor's
 * secret). Idempotent: users, sessions and tokens already there are left alone (a re-run
 * brings over only sessions and tokens made since). One transaction per user and its rows; a
 * user or row that cannot be converted is reported through `onSkip` and left out.
 *
 * @example
 * ```ts
 * const djangoDb = openDatabase("postgres://django@db.internal/app").db;
 * const summary = await importDjangoAxor({
 *   from: djangoDb,
 *   to: db,
 *   djangoSecretKey: process.env.DJANGO_SECRET_KEY,
 *   axorSecret: process.env.AXOR_SECRET,
 *   onSkip: (reason) => console.warn(reason),
 * });
 * console.log(summary.users.imported);
 * ```
 */
export async function importDjangoAxor(options: DjangoImportOptions): Promise<DjangoImportSummary> {
  const settings = conversionSettings(options);
  const names = tableNames(options.tablePrefix);
  await migrateToLatest(options.to, { tablePrefix: options.tablePrefix });
  const flavor = detectSqlFlavor(options.to);
  const batchSize = options.batchSize ?? 200;
  const skip = options.onSkip ?? (() => {});
  const summary: DjangoImportSummary = {
    users: { imported: 0, alreadyPresent: 0, skipped: 0 },
    sessions: { imported: 0, alreadyPresent: 0, skipped: 0 },
    appTokens: { imported: 0, alreadyPresent: 0, skipped: 0 },
    totp: { imported: 0, backupCodes: 0 },
  };
  const counted = await options.from
    .selectFrom(DJANGO.users)
    .select((eb) => eb.fn.countAll().as("count"))
    .executeTakeFirstOrThrow();
  const total = Number(counted.count);
  let done = 0;
  let after: string | null = null;
  for (;;) {
    let query = options.from.selectFrom(DJANGO.users).selectAll().orderBy("id").limit(batchSize);
    if (after !== null) query = query.where("id", ">", after);
    const rows = (await query.execute()) as Record<string, unknown>[];
    if (rows.length === 0) break;
    after = String(rows[rows.length - 1]?.id);
    const batch = new Batch(options, names, flavor, settings, summary, skip);
    await batch.run(rows);
    done += rows.length;
    options.onProgress?.(done, total);
  }
  return summary;
}

function conversionSettings(options: DjangoImportOptions): ConversionSettings {
  const days = options.appTokenLifetimeDays ?? 90;
  if (!Number.isFinite(days) || days <= 0) {
    throw new RangeError("the app token lifetime must be a positive number of days");
  }
  const base = { now: options.now ?? new Date(), appTokenLifetimeMs: days * DAY_MS };
  if (options.djangoSecretKey === undefined) return { ...base, totp: null };
  const secret = options.axorSecret ?? "";
  if (secret.length < 32) {
    throw new RangeError(
      "bringing TOTP over needs Axor's secret (at least 32 characters, the createAxor option)",
    );
  }
  return {
    ...base,
    totp: {
      djangoKey: djangoAxorAesKey(options.djangoSecretKey),
      secretBox: createSecretBox(secret),
      backupCodes: createBackupCodes(secret),
    },
  };
}

/** One batch of users: their rows read at once, what Axor already has, then a user at a time. */
class Batch {
  constructor(
    private readonly options: DjangoImportOptions,
    private readonly t: TableNames,
    private readonly flavor: SqlFlavor,
    private readonly settings: ConversionSettings,
    private readonly summary: DjangoImportSummary,
    private readonly skip: (reason: string) => void,
  ) {}

  async run(rawUsers: Record<string, unknown>[]): Promise<void> {
    const users: DjangoUserRow[] = [];
    for (const raw of rawUsers) {
      const parsed = v.safeParse(djangoUserRow, raw);
      if (parsed.success) users.push(parsed.output);
      else this.skipUser(String(raw.id), rowProblem(parsed.issues));
    }
    if (users.length === 0) return;
    const ids = users.map((user) => user.id);
    // The ids as the Django database spells them (dashless hex on SQLite and MySQL).
    const storedIds = rawUsers.map((raw) => raw.id);
    const [sessions, appTokens, totp] = await Promise.all([
      this.djangoRows(DJANGO.sessions, storedIds),
      this.djangoRows(DJANGO.appTokens, storedIds),
      this.djangoRows(DJANGO.totp, storedIds),
    ]);
    const now = this.settings.now.getTime();
    const live = sessions.filter((row) => isValid(row) && expiresAfter(row.expire_at, now));
    const present = await this.present(ids);
    for (const user of users) {
      const mine = (rows: Record<string, unknown>[]) =>
        rows.filter((row) => normalizeId(row.user_id) === user.id);
      await this.importUser(
        {
          user,
          sessions: mine(live),
          appTokens: mine(appTokens).filter(isValid),
          totp: mine(totp),
        },
        present,
      );
    }
  }

  private async djangoRows(table: string, ids: unknown[]): Promise<Record<string, unknown>[]> {
    return (await this.options.from
      .selectFrom(table)
      .selectAll()
      .where("user_id", "in", ids)
      .execute()) as Record<string, unknown>[];
  }

  /** What Axor already holds of these users: ids, and the sessions' ids and key hashes. */
  private async present(ids: string[]) {
    const { to } = this.options;
    const users = await to.selectFrom(this.t.users).select("id").where("id", "in", ids).execute();
    const sessions = await to
      .selectFrom(this.t.sessions)
      .select(["id", "key_hash"])
      .where("user_id", "in", ids)
      .execute();
    return {
      users: new Set(users.map((row) => String(row.id))),
      sessions: new Set(sessions.flatMap((row) => [String(row.id), String(row.key_hash)])),
    };
  }

  private async importUser(
    rows: Parameters<typeof convertDjangoUser>[0],
    present: Awaited<ReturnType<Batch["present"]>>,
  ): Promise<void> {
    const { user } = rows;
    const exists = present.users.has(user.id);
    let converted: ConvertedUser | null = null;
    let sessions: NewSession[];
    try {
      if (exists) {
        const found = convertDjangoSessions(user.id, rows, this.settings);
        sessions = found.sessions;
        this.skipRows(found.skippedRows);
      } else {
        converted = convertDjangoUser(rows, this.settings);
        sessions = converted.sessions;
        this.skipRows(converted.skippedRows);
      }
    } catch (error) {
      if (!(error instanceof ConversionProblem)) throw error;
      this.skipUser(user.id, error.message, user.email);
      return;
    }
    const fresh = sessions.filter(
      (s) => !present.sessions.has(s.id) && !present.sessions.has(s.keyHash),
    );
    for (const session of sessions) {
      if (!fresh.includes(session)) this.kindCount(session).alreadyPresent++;
    }
    if (exists && fresh.length === 0) {
      this.summary.users.alreadyPresent++;
      return;
    }
    if (converted && (await this.emailTaken(converted.user.email, user.id))) {
      this.skipUser(user.id, `email ${converted.user.email} belongs to another Axor user`);
      return;
    }
    try {
      await this.options.to.transaction().execute(async (trx) => {
        if (converted) await this.insertUser(trx, converted);
        for (const session of fresh) {
          await trx
            .insertInto(this.t.sessions)
            .values(newSessionRow(this.flavor, session))
            .execute();
        }
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.skipUser(user.id, `could not be written (nothing was): ${reason}`);
      return;
    }
    if (exists) this.summary.users.alreadyPresent++;
    for (const session of fresh) this.kindCount(session).imported++;
    if (converted) {
      this.summary.users.imported++;
      if (converted.totp) {
        this.summary.totp.imported++;
        this.summary.totp.backupCodes += converted.totp.backupCodeHashes.length;
      }
    }
  }

  private async insertUser(trx: Transaction<any>, converted: ConvertedUser): Promise<void> {
    await trx.insertInto(this.t.users).values(newUserRow(this.flavor, converted.user)).execute();
    if (!converted.totp) return;
    const { record, backupCodeHashes } = converted.totp;
    await trx.insertInto(this.t.totp).values(totpRow(this.flavor, record)).execute();
    if (backupCodeHashes.length > 0) {
      await trx
        .insertInto(this.t.backupCodes)
        .values(backupCodeHashes.map((code_hash) => ({ user_id: record.userId, code_hash })))
        .execute();
    }
  }

  private async emailTaken(email: string, userId: string): Promise<boolean> {
    const owner = await this.options.to
      .selectFrom(this.t.users)
      .select("id")
      .where("email", "=", email)
      .executeTakeFirst();
    return owner !== undefined && String(owner.id) !== userId;
  }

  private kindCount(session: NewSession) {
    return session.kind === "web" ? this.summary.sessions : this.summary.appTokens;
  }

  private skipUser(id: string, reason: string, email?: string | null): void {
    this.summary.users.skipped++;
    this.skip(`user ${id}${email ? ` (${email})` : ""} skipped: ${reason}`);
  }

  private skipRows(reasons: string[]): void {
    for (const reason of reasons) {
      if (reason.startsWith("session")) this.summary.sessions.skipped++;
      else this.summary.appTokens.skipped++;
      this.skip(`${reason}: skipped`);
    }
  }
}

function expiresAfter(value: unknown, now: number): boolean {
  const date = value instanceof Date ? value : new Date(String(value).replace(" ", "T"));
  return date.getTime() > now;
}

/** A user id as the Django rows carry it, in the UUID form the users were converted to. */
function normalizeId(value: unknown): string {
  const id = String(value).toLowerCase();
  return /^[0-9a-f]{32}$/.test(id)
    ? id.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5")
    : id;
}
