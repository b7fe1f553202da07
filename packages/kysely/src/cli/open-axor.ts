import { randomBytes } from "node:crypto";
import { type Axor, createAxor } from "@axor/core";
import { kyselyStorage } from "../kysely-storage.js";
import { openDatabase } from "../open-database.js";

/** An Axor over the database the CLI was pointed at, and how to close it. */
export interface CliAxor {
  axor: Axor;
  close(): Promise<void>;
}

/**
 * Opens the database and builds an Axor over it for the operator commands. They use no
 * secret-protected data (no TOTP secrets, no links), so `AXOR_SECRET` is used when set and a
 * throw-away one otherwise; passwords are hashed with Axor's default argon2id cost (a login
 * re-hashes them with the app's own cost if it differs). No mail is sent.
 */
export function openCliAxor(database: string, tablePrefix: string | undefined): CliAxor {
  const { db, close } = openDatabase(database);
  const secret = process.env.AXOR_SECRET || randomBytes(32).toString("base64url");
  const axor = createAxor({
    storage: kyselyStorage(db, { tablePrefix }),
    secret: secret.length >= 32 ? secret : randomBytes(32).toString("base64url"),
    mailer: { send: async () => {} },
    baseUrl: "http://127.0.0.1",
    onError: () => {},
  });
  return { axor, close };
}
