import { createServer } from "node:http";
import {
  axorAuth,
  axorRouter,
  requireAppToken,
  requireAuth,
  requireSessionCookie,
} from "@axor/express";
import { type AdapterServer, type AdapterTestApp, serveOnLoopback } from "@axor/testing";
import express, { type Express } from "express";

const middleware = { axorAuth, requireAuth, requireSessionCookie, requireAppToken };

/**
 * Serves `app` from an Express app on 127.0.0.1 (the shared adapter suites' server factory);
 * `configure` runs first on the Express app (e.g. `app.set("trust proxy", true)`).
 *
 * @example
 * ```ts
 * describeAdapterTransport("Express", startExpressServer);
 * ```
 */
export function startExpressServer(
  { axor, mountPath, routes, appCookie }: AdapterTestApp,
  configure?: (host: Express) => void,
): Promise<AdapterServer> {
  const host = express();
  configure?.(host);
  if (appCookie !== undefined) {
    host.use((_req, res, next) => {
      res.append("set-cookie", appCookie);
      next();
    });
  }
  host.use(mountPath, axorRouter(axor));
  for (const route of routes) {
    const guards = route.guards.map((name) => middleware[name](axor));
    host.all(route.path, ...guards, (req, res) => {
      res.json(route.reply(req.axor));
    });
  }
  return serveOnLoopback(createServer(host));
}
