import type { AxorRequest } from "@axor/core";
import { nodeRequest, pathOf, readNodeBody, splitAtMount } from "@axor/core/adapter";
import type { Request } from "express";

/**
 * The neutral request of an Express request under the Axor router: the path below the mount
 * (`req.baseUrl`), falling back to Express's own `req.path` when the mount was sent
 * percent-encoded.
 */
export function routerRequest(req: Request, body?: AxorRequest["body"]): AxorRequest {
  const target = splitAtMount(pathOf(req.originalUrl), req.baseUrl) ?? {
    path: req.path,
    mountPath: req.baseUrl,
  };
  return nodeRequest(req, target, body);
}

/**
 * The core's view of an Express request on your own routes (no body), for the server-side API.
 *
 * @example
 * ```ts
 * const { ip, mode } = axor.clientInfo(toAxorRequest(req));
 * ```
 */
export function toAxorRequest(req: Request): AxorRequest {
  return nodeRequest(req, { path: pathOf(req.originalUrl), mountPath: "" });
}

/** The body for `axor.handle`: what a host parser (`express.json()`) left, or the raw bytes. */
export const requestBody = (req: Request) => readNodeBody(req, req.body);
