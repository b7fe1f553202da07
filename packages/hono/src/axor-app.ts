import type { Axor, AxorRequest } from "@axor/core";
import { Hono } from "hono";
import {
  type GetClientIp,
  honoRequest,
  honoResponse,
  mountOf,
  requestBody,
} from "./hono-request.js";

/** Options of `axorApp`, `axorAuth` and the guards. */
export interface AxorAppOptions {
  /** The socket peer's address. Default: `@hono/node-server`'s; pass yours on other runtimes. */
  getClientIp?: GetClientIp;
}

/**
 * A Hono sub-app serving the whole Axor HTTP contract under the path it is routed at. Every
 * method and every path below it reaches the core (its 404 and 405).
 * @example
 * ```ts
 * const app = new Hono();
 * app.route("/api/user", axorApp(axor));
 * ```
 */
export function axorApp(axor: Axor, options: AxorAppOptions = {}): Hono {
  const app = new Hono();
  app.all("*", async (c) => {
    let body: AxorRequest["body"];
    try {
      const pending = requestBody(c);
      body = pending instanceof Promise ? await pending : pending;
    } catch (error) {
      // The client hung up mid-body: the envelope to no one, no stack for a routine event.
      const { mountPath = "", path } = honoRequest(c, mountOf(c), undefined, options.getClientIp);
      return honoResponse(c, axor.errorResponse(error, `${mountPath}${path}`));
    }
    const request = honoRequest(c, mountOf(c), body, options.getClientIp);
    return honoResponse(c, await axor.handle(request));
  });
  return app;
}
