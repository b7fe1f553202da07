import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";

/** A Node HTTP server listening on 127.0.0.1, on a port the OS picked. */
export interface ListeningServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `app` over a real socket on 127.0.0.1:0.
 *
 * @example
 * ```ts
 * const { origin, close } = await listen(app);
 * await fetch(`${origin}/api/user/me/`);
 * ```
 */
export async function listen(app: Express): Promise<ListeningServer> {
  const server: Server = createServer(app);
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
