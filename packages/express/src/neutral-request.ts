import type { TLSSocket } from "node:tls";
import type { AxorRequest } from "@axor/core";
import type { Request } from "express";
import { requestInstance } from "./request-instance.js";

/** Node's headers as the core wants them: lower-case names, repeated values joined. */
function flatHeaders(req: Request): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/**
 * Translates an Express request into the core's neutral request. `path` is `req.path`, which
 * inside a mounted router is relative to the mount ("/login/"); the client IP is the socket
 * peer (the core applies `trustedProxies`, Express's own `trust proxy` is not consulted).
 *
 * @example
 * ```ts
 * const response = await axor.handle(neutralRequest(req, await requestBody(req)));
 * ```
 */
export function neutralRequest(req: Request, body?: AxorRequest["body"]): AxorRequest {
  // At the bare mount ("/api/user", no slash) Express's req.path is "/": send the whole path
  // instead, so the envelope's `instance` echoes what the client sent (no endpoint lives there).
  const sent = requestInstance(req);
  const atBareMount = req.baseUrl !== "" && sent === req.baseUrl;
  return {
    method: req.method.toUpperCase(),
    path: atBareMount ? sent : req.path,
    mountPath: atBareMount ? "" : req.baseUrl,
    headers: flatHeaders(req),
    body,
    ip: req.socket.remoteAddress ?? "",
    protocol: (req.socket as TLSSocket).encrypted === true ? "https" : "http",
  };
}
