import type { Server } from "node:http";
import { type ServerType, serve } from "@hono/node-server";
import type { Hono } from "hono";

/** A Hono app served by `@hono/node-server` on 127.0.0.1, on a port the OS picked. */
export interface ListeningHono {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `app` over a real socket on 127.0.0.1:0.
 *
 * @example
 * ```ts
 * const { origin, close } = await serveOnPort0(app);
 * ```
 */
export async function serveOnPort0(app: Hono<any>): Promise<ListeningHono> {
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve(info.port),
    );
  });
  const http = server as Server;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        http.close((error) => (error ? reject(error) : resolve()));
        http.closeAllConnections();
      }),
  };
}
