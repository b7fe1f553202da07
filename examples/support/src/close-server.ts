import { Server as HttpServer } from "node:http";
import type { Server } from "node:net";

/** How long open requests may take to finish once the server closes. */
const GRACE_PERIOD_MS = 5_000;

/**
 * Stops `server` accepting connections and resolves once it is closed. An HTTP server's idle
 * keep-alive connections are closed at once, the busy ones after a grace period.
 */
export async function closeServer(server: Server): Promise<void> {
  const closed = new Promise((resolve) => server.close(resolve));
  if (server instanceof HttpServer) {
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), GRACE_PERIOD_MS).unref(); // don't wait forever
  }
  await closed;
}
