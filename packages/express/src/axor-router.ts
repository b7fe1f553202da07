import type { Axor } from "@axor/core";
import { type Router as ExpressRouter, Router } from "express";
import { neutralRequest } from "./neutral-request.js";
import { requestBody } from "./request-body.js";
import { sendAxorResponse } from "./send-axor-response.js";

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
    try {
      const body = await requestBody(req);
      sendAxorResponse(res, await axor.handle(neutralRequest(req, body)));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
