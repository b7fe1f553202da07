import type { NeutralHandler } from "@axor/core/adapter";
import { Hono } from "hono";
import type { AxorAppOptions } from "./axor-app.js";
import { honoRequest, honoResponse, mountOf, requestBody } from "./hono-request.js";

/**
 * A Hono app serving a neutral handler beside the API, such as the built-in pages of
 * `@axor/pages`; mount it with `app.route(prefix, ...)`.
 *
 * @example
 * ```ts
 * import { axorPages } from "@axor/pages";
 *
 * app.route("/api/user", axorApp(axor));
 * app.route("/auth", axorPagesApp(axorPages(axor)));
 * ```
 */
export function axorPagesApp(pages: NeutralHandler, options: AxorAppOptions = {}): Hono {
  const app = new Hono();
  app.all("*", async (c) => {
    const request = honoRequest(c, mountOf(c), await requestBody(c), options.getClientIp);
    const query = new URL(c.req.url).search.slice(1);
    return honoResponse(c, await pages.handle(request, query));
  });
  return app;
}
