import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { isPromiseLike } from "../maybe-promise.js";
import { renewalCookies } from "../sessions/renewal-cookies.js";
import { resolveSession } from "../sessions/resolve-session.js";
import { checkCsrf } from "./csrf-check.js";
import { errorResponse } from "./error-response.js";
import type { AxorRequest, AxorResponse } from "./neutral-http.js";
import { readClientInfo } from "./read-client-info.js";
import { checkBodySize, readJsonBody } from "./read-json-body.js";
import type { Endpoint, RouteTable } from "./route.js";
import { isRoutablePath } from "./route-path-rule.js";
import type { TrustedProxies } from "./trusted-proxies.js";

/** What the handler needs besides the context: the table and the trust settings. */
export interface RequestHandlerSetup {
  routes: RouteTable;
  proxies: TrustedProxies;
  trustedOrigins: ReadonlySet<string>;
}

/** The `Allow` value of each path, worked out once. */
function allowHeaders(routes: RouteTable): ReadonlyMap<string, string> {
  return new Map(Object.entries(routes).map(([path, methods]) => [path, allowHeader(methods)]));
}

function allowHeader(methods: Readonly<Record<string, Endpoint>>): string {
  const names = Object.keys(methods);
  if (names.includes("GET")) names.push("HEAD");
  return [...names, "OPTIONS"].join(", ");
}

/** A path without its query string. */
function withoutQuery(path: string): string {
  const query = path.indexOf("?");
  return query === -1 ? path : path.slice(0, query);
}

/** "/login" and "/login/" both find "/login/"; a query string is ignored. */
function routeKey(path: string): string {
  const bare = withoutQuery(path);
  return bare.endsWith("/") ? bare : `${bare}/`;
}

/**
 * The contract's HTTP entry: route (404/405), body limit, client mode and credential, CSRF,
 * authentication, JSON body, the endpoint, and the error envelope for anything thrown.
 */
export function createRequestHandler(
  forRequest: (request: AxorRequest) => AxorContext,
  setup: RequestHandlerSetup,
) {
  const allows = allowHeaders(setup.routes);
  async function serve(ctx: AxorContext, request: AxorRequest): Promise<AxorResponse> {
    const path = routeKey(request.path);
    const known = isRoutablePath(path) && Object.hasOwn(setup.routes, path);
    const methods = known ? setup.routes[path] : undefined;
    if (!methods) throw new AxorError("NotFound");
    const allow = allows.get(path) as string;
    if (request.method === "OPTIONS") {
      return {
        status: 204,
        headers: { allow, "cache-control": "no-store" },
        setCookies: [],
        body: null,
      };
    }
    const method = request.method === "HEAD" ? "GET" : request.method;
    const endpoint = Object.hasOwn(methods, method) ? methods[method] : undefined;
    if (!endpoint) throw new AxorError("MethodNotAllowed", { headers: { allow } });
    checkBodySize(request);

    const client = readClientInfo(request, ctx.options, setup.proxies);
    checkCsrf(request, client, setup.trustedOrigins, endpoint.setsCookie);
    // The lookup and the endpoint answer synchronously when they can: no await, no microtask.
    let session = endpoint.auth ? resolveSession(ctx, client.credential) : null;
    if (isPromiseLike(session)) session = await session;
    if (endpoint.auth && !session) throw new AxorError("NotAuthenticated");
    const body = endpoint.body ? readJsonBody(request) : undefined;

    let response = endpoint.run({ ctx, body, client, session });
    if (isPromiseLike(response)) response = await response;
    response.setCookies.push(...renewalCookies(ctx, session, client));
    return response;
  }

  return async function handle(request: AxorRequest): Promise<AxorResponse> {
    const ctx = forRequest(request);
    let response: AxorResponse;
    try {
      response = await serve(ctx, request);
    } catch (error) {
      const instance = `${request.mountPath ?? ""}${withoutQuery(request.path)}`;
      response = errorResponse(ctx, error, instance, `${request.method} ${instance}`);
    }
    // HEAD answers carry the headers of GET, errors included, and never a body.
    return request.method === "HEAD" ? { ...response, body: null } : response;
  };
}
