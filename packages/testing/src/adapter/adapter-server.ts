import type { AuthState, Axor } from "@axor/core";

/**
 * Where the adapter suites mount the Axor API, and where `registerOverHttp` registers.
 *
 * @example
 * ```ts
 * declare const server: AdapterServer; // from a StartAdapterServer
 * // http://127.0.0.1:<port>/api/user/me/
 * const me = await fetch(`${server.origin}${ADAPTER_API_PATH}/me/`);
 * ```
 */
export const ADAPTER_API_PATH = "/api/user";

/**
 * The adapter middleware an app route can run behind: `axorAuth` or one of the guards.
 *
 * @example
 * ```ts
 * import { axorAuth, requireAppToken, requireAuth, requireSessionCookie } from "@axor/express";
 *
 * declare const checkOrigin: typeof requireAuth; // axor.checkOrigin(toAxorRequest(req)) by hand
 * // your adapter's middleware, by name
 * const middleware = { axorAuth, requireAuth, requireSessionCookie, requireAppToken, checkOrigin };
 * const names: AppRouteGuard[] = ["axorAuth", "requireAuth"]; // run in this order
 * const handlers = names.map((name) => middleware[name](axor));
 * ```
 */
export type AppRouteGuard =
  | "axorAuth"
  | "requireAuth"
  | "requireSessionCookie"
  | "requireAppToken"
  /** `axor.checkOrigin(toAxorRequest(...))` by hand, answering `axor.errorResponse` on failure. */
  | "checkOrigin";

/**
 * One of the app's own routes: `GET path`, behind the adapter's middleware named in `guards`
 * (run in that order), answering the JSON `reply` makes of the current user the adapter set.
 *
 * @example
 * ```ts
 * const hello: AppRoute = {
 *   path: "/api/hello",
 *   guards: ["requireAuth"],
 *   reply: (auth) => ({ hello: auth?.user.first_name }),
 * };
 * ```
 */
export interface AppRoute {
  /** Served for GET and POST. */
  path: string;
  guards: readonly AppRouteGuard[];
  /** `auth` is what the adapter exposes to the route (`req.axor`, `c.get("axor")`, ...). */
  reply(auth: AuthState | null | undefined): unknown;
}

/**
 * The app an adapter suite asks for: the Axor API mounted at `mountPath`, then the app's own
 * `routes`. With `appCookie`, the app itself adds that `Set-Cookie` line to every response
 * before Axor runs (as a host app's middleware would).
 *
 * @example
 * ```ts
 * const app: AdapterTestApp = {
 *   axor,
 *   mountPath: "/api/user",
 *   routes: [],
 *   appCookie: "host=0; Path=/", // the host app's own cookie, which Axor must keep
 * };
 * ```
 */
export interface AdapterTestApp {
  axor: Axor;
  mountPath: string;
  routes: readonly AppRoute[];
  appCookie?: string;
}

/**
 * A test server listening on a real socket.
 *
 * @example
 * ```ts
 * const app: AdapterTestApp = { axor, mountPath: "/api/user", routes: [] };
 * const server: AdapterServer = await startExpressServer(app);
 * await fetch(`${server.origin}/api/user/me/`);
 * await server.close();
 * ```
 */
export interface AdapterServer {
  /** e.g. "http://127.0.0.1:41234" (no path). */
  origin: string;
  close(): Promise<void>;
}

/**
 * A framework's way to serve an `AdapterTestApp` over HTTP (on 127.0.0.1, any free port):
 * what an adapter provides to run the adapter suites.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import {
 *   axorAuth,
 *   axorRouter,
 *   requireAppToken,
 *   requireAuth,
 *   requireSessionCookie,
 * } from "@axor/express";
 * import express from "express";
 *
 * declare const checkOrigin: typeof requireAuth; // axor.checkOrigin(toAxorRequest(req)) by hand
 * const guards = { axorAuth, requireAuth, requireSessionCookie, requireAppToken, checkOrigin };
 * const startExpressServer: StartAdapterServer = async ({ axor, mountPath, routes, appCookie }) => {
 *   const app = express();
 *   app.use((_req, res, next) => {
 *     if (appCookie) res.append("set-cookie", appCookie);
 *     next();
 *   });
 *   app.use(mountPath, axorRouter(axor));
 *   for (const route of routes) {
 *     const middleware = route.guards.map((name) => guards[name](axor));
 *     app.all(route.path, ...middleware, (req, res) => res.json(route.reply(req.axor)));
 *   }
 *   return serveOnLoopback(createServer(app));
 * };
 * ```
 */
export type StartAdapterServer = (app: AdapterTestApp) => Promise<AdapterServer>;
