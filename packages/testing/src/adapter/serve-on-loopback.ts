import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AdapterServer } from "./adapter-server.js";

/**
 * Listens with `server` on 127.0.0.1, on a port the OS picks; `close` also drops the open
 * keep-alive connections.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import express from "express";
 *
 * const { origin, close } = await serveOnLoopback(createServer(express()));
 * await fetch(`${origin}/api/user/me/`);
 * await close();
 * ```
 */
export async function serveOnLoopback(server: Server): Promise<AdapterServer> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
