import {
  bigint,
  boolean,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// The tables Axor's state lives in, as an app on Drizzle would declare them next to its own.
// `pnpm db:generate` (drizzle-kit) turns changes here into SQL under migrations/.
// Ids are the UUID strings the core makes, kept as text so that no id the verbs are given can
// make PostgreSQL throw. Instants are `timestamptz` read back as `Date`s.

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    timezone: text("timezone").notNull(),
    isActive: boolean("is_active").notNull(),
    isEmailVerified: boolean("is_email_verified").notNull(),
    totpEnabled: boolean("totp_enabled").notNull().default(false),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  // The unique index is what makes createUser atomic: of two inserts, one gets 23505.
  (table) => [uniqueIndex("users_email_unique").on(table.email)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["web", "app"] }).notNull(),
    keyHash: text("key_hash").notNull(),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
    lastUsedAt: instant("last_used_at").notNull(),
    expireAt: instant("expire_at").notNull(),
    revokedAt: instant("revoked_at"),
    ip: text("ip"),
    ua: text("ua"),
  },
  (table) => [
    uniqueIndex("sessions_key_hash_unique").on(table.keyHash),
    index("sessions_user_created_idx").on(table.userId, table.createdAt),
  ],
);

export const oneTimeTokens = pgTable(
  "one_time_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    purpose: text("purpose", { enum: ["verify_email", "reset_password", "magic_link"] }).notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    createdAt: instant("created_at").notNull(),
    expireAt: instant("expire_at").notNull(),
  },
  (table) => [index("one_time_tokens_user_purpose_idx").on(table.userId, table.purpose)],
);

export const totpSecrets = pgTable("totp_secrets", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  encryptedSecret: text("encrypted_secret").notNull(),
  confirmed: boolean("confirmed").notNull(),
  lastUsedStep: bigint("last_used_step", { mode: "number" }).notNull(),
  createdAt: instant("created_at").notNull(),
});

export const backupCodes = pgTable(
  "backup_codes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.codeHash] })],
);
