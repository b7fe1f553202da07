import type { Axor } from "@axor/core";
import { Hono } from "hono";
import { basePath } from "hono/route";
import type { AxorEnv } from "./axor-env.js";
import { axorResponse } from "./axor-response.js";
import { type GetClientIp, neutralRequest } from "./neutral-request.js";
import { requestBody } from "./request-body.js";

/**
 * Options of `axorApp`.
 *
 * @example
 * ```ts
 * import { getConnInfo } from "hono/bun";
 *
 * // On Bun (not @hono/node-server), tell Axor where the client's address is.
 * const options: AxorAppOptions = { getClientIp: (c) => getConnInfo(c).remote.address };
 * app.route("/api/user", axorApp(axor, options));
 * ```
 */
export interface AxorAppOptions {
  /**
   * The socket peer's address. Default: `c.env.incoming.socket.remoteAddress`, which
   * `@hono/node-server` provides; on other runtimes pass your runtime's way to get it.
   */
  getClientIp?: GetClientIp;
}

/**
 * A Hono sub-app serving the whole Axor HTTP contract under the path it is routed at. Every
 * method and every path below it reaches the core (its 404 and 405).
 *
 * @example
 * ```ts
 * const app = new Hono();
 * app.route("/api/user", axorApp(axor));
 * serve({ fetch: app.fetch, port: 3000 });
 * ```
 */
export function axorApp(axor: Axor, options: AxorAppOptions = {}): Hono<AxorEnv> {
  const app = new Hono<AxorEnv>();
  app.all("*", async (c) => {
    const body = await requestBody(c);
    const request = neutralRequest(c, basePath(c), body, options.getClientIp);
    return axorResponse(c, await axor.handle(request));
  });
  return app;
}
