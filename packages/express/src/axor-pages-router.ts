import type { NeutralHandler } from "@axor/core/adapter";
import { writeNodeResponse } from "@axor/core/adapter";
import { type Router as ExpressRouter, Router } from "express";
import { requestBody, routerRequest } from "./express-request.js";

/**
 * An Express router serving a neutral handler mounted beside the API, such as the built-in
 * pages of `@axor/pages`, under the path it is mounted at.
 *
 * @example
 * ```ts
 * import { axorPages } from "@axor/pages";
 *
 * app.use("/api/user", axorRouter(axor));
 * app.use("/auth", axorPagesRouter(axorPages(axor)));
 * ```
 */
export function axorPagesRouter(pages: NeutralHandler): ExpressRouter {
  const router = Router();
  router.use(async (req, res, next) => {
    try {
      const at = req.originalUrl.indexOf("?");
      const query = at === -1 ? "" : req.originalUrl.slice(at + 1);
      writeNodeResponse(res, await pages.handle(routerRequest(req, await requestBody(req)), query));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
