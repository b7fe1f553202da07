import type { AxorOptions } from "@axor/core";
import { afterAll, beforeAll } from "vitest";
import { ContractClient } from "./contract-client.js";
import type { ContractServer, StartContractServer } from "./contract-server.js";
import { MailOutbox } from "./mail-outbox.js";

/** Argon2 at its cheapest allowed cost: the suite checks the contract, not the hashing cost. */
const fastHashing: Partial<AxorOptions> = {
  argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
};

/** One describe block's server, started before its tests and closed after them. */
export interface ContractServerHandle {
  /** The running server (only inside tests and hooks). */
  readonly server: ContractServer;
  /** Every email the server sent. */
  readonly outbox: MailOutbox;
  /** A fresh client of the server. */
  client(mode?: "web" | "app"): ContractClient;
}

/**
 * Starts one server for the enclosing describe block (beforeAll/afterAll) with rate limits
 * off, cheap hashing and a mail outbox, then `overrides` on top.
 *
 * @example
 * ```ts
 * declare const start: StartContractServer; // your server factory
 * describe("login", () => {
 *   const ctx = useContractServer(start);
 *   it("answers", async () => {
 *     await ctx.client().post("login/", {});
 *   });
 * });
 * ```
 */
export function useContractServer(
  start: StartContractServer,
  overrides: Partial<AxorOptions> = {},
  clock?: () => Date,
): ContractServerHandle {
  const outbox = new MailOutbox();
  let server: ContractServer | undefined;
  beforeAll(async () => {
    server = await start({ rateLimits: false, mailer: outbox, ...fastHashing, ...overrides });
  });
  afterAll(async () => {
    await server?.close();
  });
  const handle: ContractServerHandle = {
    get server(): ContractServer {
      if (server === undefined) throw new Error("the contract server is not running");
      return server;
    },
    outbox,
    client: (mode = "web") => new ContractClient(handle.server, mode, clock),
  };
  return handle;
}
