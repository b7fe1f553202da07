import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthState, Axor, AxorRequest } from "@axor/core";
import type { AuthRequirement } from "@axor/core/adapter";
import * as kit from "@axor/core/adapter";

/** Options of `axorHandler`. `mountPath`: where the API is served, "/api/user" by default. */
export interface AxorHandlerOptions {
  mountPath?: string;
}

/**
 * A `node:http` handler serving the Axor HTTP contract under `mountPath`. Resolves to true when
 * it answered (the request was under the mount), false otherwise: your own routes go next.
 * @example
 * ```ts
 * import { createServer } from "node:http";
 *
 * const handle = axorHandler(axor, { mountPath: "/api/user" });
 * createServer(async (req, res) => {
 *   if (!(await handle(req, res))) res.writeHead(404).end(); // or your own routes
 * });
 * ```
 */
export function axorHandler(axor: Axor, { mountPath = "/api/user" }: AxorHandlerOptions = {}) {
  const mount = mountPath.replace(/\/+$/, "");
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = kit.pathOf(req.url ?? "/");
    const rest = path.slice(mount.length);
    const target = rest === "" || rest.startsWith("/") ? kit.splitAtMount(path, mount) : null;
    if (target === null) return false;
    try {
      const body = await kit.readNodeBody(req, (req as { body?: unknown }).body);
      kit.writeNodeResponse(res, await axor.handle(kit.nodeRequest(req, target, body)));
    } catch {
      res.destroy(); // the request was aborted mid-body: nobody is left to answer
    }
    return true;
  };
}

/** Resolves to the caller, or to undefined once it has answered the request itself (401...). */
export type NodeGuard<T> = (req: IncomingMessage, res: ServerResponse) => Promise<T | undefined>;

const resolved = new WeakMap<IncomingMessage, AuthState | null>(); // one lookup per request

function authorizing<T>(axor: Axor, requirement: AuthRequirement): NodeGuard<T> {
  return async (req, res) => {
    const result = await axor.authorize(kit.nodeRequest(req), requirement, resolved.get(req));
    if (result.refusal) return void kit.writeNodeResponse(res, result.refusal);
    kit.appendSetCookies(res, result.setCookies);
    resolved.set(req, result.auth);
    return result.auth as T;
  };
}

/**
 * The caller's `{ user, session }`, or null. Refuses nothing; answers 503 if storage is down.
 * @example
 * ```ts
 * const auth = await axorAuth(axor)(req, res);
 * if (auth !== undefined) res.end(auth ? `Hi ${auth.user.first_name}` : "Hi");
 * ```
 */
export const axorAuth = (axor: Axor) => authorizing<AuthState | null>(axor, "optional");

/**
 * Lets through a session cookie or an app token (Axor's `IsAuthenticated`); else answers 401
 * `NotAuthenticated` (403 `CSRFFailed` for a cross-site cookie POST).
 * @example
 * ```ts
 * const auth = await requireAuth(axor)(req, res);
 * if (auth) res.end(JSON.stringify({ hello: auth.user.first_name })); // else: answered
 * ```
 */
export const requireAuth = (axor: Axor) => authorizing<AuthState>(axor, "any");

/**
 * Lets through only a web session cookie (Axor's `IsAuthenticatedSessionCookie`).
 * @example
 * ```ts
 * if (await requireSessionCookie(axor)(req, res)) res.end("ok");
 * ```
 */
export const requireSessionCookie = (axor: Axor) => authorizing<AuthState>(axor, "web");

/**
 * Lets through only an app's Bearer token (Axor's `IsAuthenticatedAppToken`).
 * @example
 * ```ts
 * if (await requireAppToken(axor)(req, res)) res.end("ok");
 * ```
 */
export const requireAppToken = (axor: Axor) => authorizing<AuthState>(axor, "app");

/**
 * The core's view of a request on your own routes (no body), for `axor.authorize` and the API.
 * @example
 * ```ts
 * const { ip, mode } = axor.clientInfo(toAxorRequest(req));
 * ```
 */
export const toAxorRequest = (req: IncomingMessage): AxorRequest => kit.nodeRequest(req);
