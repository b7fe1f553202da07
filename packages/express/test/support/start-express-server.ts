import { createServer } from "node:http";
import type { Axor } from "@axor/core";
import {
  axorAuth,
  axorRouter,
  requireAppToken,
  requireAuth,
  requireSessionCookie,
  toAxorRequest,
} from "@axor/express";
import { type AdapterServer, type AdapterTestApp, serveOnLoopback } from "@axor/testing";
import express, { type Express, type RequestHandler } from "express";

/** The adapter's request translation used by hand, as docs/express.md shows. */
const checkOrigin =
  (axor: Axor): RequestHandler =>
  (req, res, next) => {
    try {
      axor.checkOrigin(toAxorRequest(req));
      next();
    } catch (error) {
      const answer = axor.errorResponse(error, req.originalUrl);
      res.status(answer.status).set(answer.headers).send(answer.body);
    }
  };

const middleware = { axorAuth, requireAuth, requireSessionCookie, requireAppToken, checkOrigin };

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
