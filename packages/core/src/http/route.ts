import type { ClientInfo } from "../api/client-info.js";
import type { AxorContext } from "../axor-context.js";
import type { MaybePromise } from "../maybe-promise.js";
import type { Operation } from "../openapi/operation.js";
import type { ResolvedSession } from "../sessions/resolve-session.js";
import type { AxorResponse } from "./neutral-http.js";

/** What an endpoint gets: the parsed body (when it takes one), the caller and its session. */
export interface EndpointCall {
  ctx: AxorContext;
  body: unknown;
  client: ClientInfo;
  /** The resolved session; never null on an endpoint with `auth: true`. */
  session: ResolvedSession | null;
}

/** One endpoint of the route table. */
export interface Endpoint {
  /** Needs an authenticated request (401 `NotAuthenticated` otherwise). */
  auth: boolean;
  /** Takes a JSON body (parsed and validated); false: any body is ignored. */
  body: boolean;
  /** Sets or clears the session cookie in web mode: the login-CSRF check applies without one. */
  setsCookie?: boolean;
  /** The answer; synchronous when there is nothing to wait for (`me/` on a sync lookup). */
  run(call: EndpointCall): MaybePromise<AxorResponse>;
}

/** A route of the table: the endpoint, and what the OpenAPI document says about it. */
export interface Route extends Endpoint {
  operation: Operation;
}

/** Joins an endpoint and its description into one route of the table. */
export const route = (endpoint: Endpoint, operation: Operation): Route => ({
  ...endpoint,
  operation,
});

/** Path (with its trailing slash) -> method -> route. */
export type RouteTable = Readonly<Record<string, Readonly<Record<string, Route>>>>;
