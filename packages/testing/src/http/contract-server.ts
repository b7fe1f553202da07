import type { Axor, AxorOptions } from "@axor/core";

/**
 * A running server under test: the HTTP contract mounted somewhere, reachable through `fetch`.
 *
 * @example
 * ```ts
 * declare const httpServer: import("node:http").Server; // serves `axor` under /api/user/
 * declare const port: number; // where it listens
 * const server: ContractServer = {
 *   fetch: (path, init) => fetch(`http://127.0.0.1:${port}/api/user/${path}`, init),
 *   origin: `http://127.0.0.1:${port}`,
 *   axor,
 *   close: () => new Promise((resolve) => httpServer.close(() => resolve())),
 * };
 * ```
 */
export interface ContractServer {
  /** Sends a request to `path` relative to the API mount, e.g. "login/" or "me". */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /**
   * The origin clients reach the server at, e.g. "http://127.0.0.1:3000" (no path). Web
   * clients send it as `Origin` on state-changing requests, as browsers do.
   */
  origin: string;
  /** The Axor instance behind the server (for seeding state the API cannot make yet). */
  axor: Axor;
  close(): Promise<void>;
}

/**
 * Starts one server for a group of contract tests. It creates its own storage and Axor
 * instance, with `overrides` merged over its own options (`storage` and `secret` at least).
 *
 * @example
 * ```ts
 * const start: StartContractServer = async (overrides) => {
 *   const axor = createAxor({ storage: memoryStorage(), secret: "x".repeat(32), ...overrides });
 *   const handler = fetchHandler(axor, { mountPath: "/api/user", clientIp: () => "127.0.0.1" });
 *   return {
 *     fetch: (path, init) => handler(new Request(`http://127.0.0.1/api/user/${path}`, init)),
 *     origin: "http://127.0.0.1",
 *     axor,
 *     close: async () => {},
 *   };
 * };
 * ```
 */
export type StartContractServer = (overrides: Partial<AxorOptions>) => Promise<ContractServer>;
