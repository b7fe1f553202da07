import type { Axor } from "@axor/core";
import { pathOf, writeNodeResponse } from "@axor/core/adapter";
import { type Router as ExpressRouter, Router } from "express";
import { requestBody, routerRequest } from "./express-request.js";

/**
 * An Express router serving the whole Axor HTTP contract under the path it is mounted at.
 * Every method and every path below the mount reaches the core, so unknown paths and wrong
 * methods get the contract's 404 and 405. Mount it before `express.json()`, or add
 * `axorBodyParserErrors` after it (see docs/express.md).
 *
 * @example
 * ```ts
 * const app = express();
 * app.use("/api/user", axorRouter(axor));
 * app.use(express.json()); // your own routes' parser, after the Axor router
 * ```
 */
export function axorRouter(axor: Axor): ExpressRouter {
  const router = Router();
  router.use(async (req, res, next) => {
    let body: Awaited<ReturnType<typeof requestBody>>;
    try {
      body = await requestBody(req);
    } catch (error) {
      // The client hung up mid-body: the envelope to no one, no stack for a routine event.
      return writeNodeResponse(res, axor.errorResponse(error, pathOf(req.originalUrl)));
    }
    try {
      writeNodeResponse(res, await axor.handle(routerRequest(req, body)));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
