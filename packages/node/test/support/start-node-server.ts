import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AuthState, Axor } from "@axor/core";
import { pathOf, writeNodeResponse } from "@axor/core/adapter";
import {
  axorAuth,
  axorHandler,
  requireAppToken,
  requireAuth,
  requireSessionCookie,
  toAxorRequest,
} from "@axor/node";
import {
  type AdapterServer,
  type AdapterTestApp,
  type AppRouteGuard,
  serveOnLoopback,
} from "@axor/testing";

type Caller = AuthState | null | undefined;
/** One step of a route: the caller so far in, the caller out, or undefined once it answered. */
type Step = (req: IncomingMessage, res: ServerResponse, caller: Caller) => Promise<Caller>;

/** The adapter's request translation used by hand, as the shared guard suite describes it. */
const checkOrigin =
  (axor: Axor): Step =>
  async (req, res, caller) => {
    try {
      axor.checkOrigin(toAxorRequest(req));
      return caller ?? null;
    } catch (error) {
      writeNodeResponse(res, axor.errorResponse(error, pathOf(req.url ?? "/")));
      return undefined;
    }
  };

const steps: Record<AppRouteGuard, (axor: Axor) => Step> = {
  axorAuth,
  requireAuth,
  requireSessionCookie,
  requireAppToken,
  checkOrigin,
};

/**
 * Serves `app` from a plain `node:http` server on 127.0.0.1 (the shared adapter suites' server
 * factory): the Axor handler first, then the app's routes (GET and POST), else 404.
 *
 * @example
 * ```ts
 * describeAdapterTransport("node:http", startNodeServer);
 * ```
 */
export function startNodeServer({
  axor,
  mountPath,
  routes,
  appCookie,
}: AdapterTestApp): Promise<AdapterServer> {
  const handle = axorHandler(axor, { mountPath });
  const server = createServer(async (req, res) => {
    if (appCookie !== undefined) res.setHeader("set-cookie", [appCookie]);
    if (await handle(req, res)) return;
    const route = routes.find((candidate) => candidate.path === pathOf(req.url ?? "/"));
    if (!route || (req.method !== "GET" && req.method !== "POST")) {
      res.writeHead(404).end();
      return;
    }
    let caller: Caller;
    for (const name of route.guards) {
      caller = await steps[name](axor)(req, res, caller);
      if (caller === undefined) return; // answered
    }
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.end(JSON.stringify(route.reply(caller)));
  });
  return serveOnLoopback(server);
}
