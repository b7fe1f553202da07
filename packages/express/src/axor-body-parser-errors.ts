import type { Axor, AxorRequest } from "@axor/core";
import { BODY_READ_LIMIT, bodyAbortedError, pathOf, writeNodeResponse } from "@axor/core/adapter";
import type { ErrorRequestHandler, Request } from "express";
import { requestBody, routerRequest } from "./express-request.js";

/** body-parser's error types that are about the request body itself. */
const BODY_ERRORS = /^(entity\.parse\.failed|entity\.too\.large|(charset|encoding)\.unsupported)$/;

/** The body the core should judge, rebuilt from what a failed host parser left behind. */
async function bodyAfter(error: { type?: unknown; body?: unknown }, req: Request) {
  if (!req.readableDidRead && !req.readableEnded) return requestBody(req); // refused unread
  if (error.type === "entity.parse.failed" && typeof error.body === "string") return error.body;
  // Too large for the host's parser (whose limit may be below 64 KiB): too large for Axor too.
  if (error.type === "entity.too.large") return { parsed: undefined, size: BODY_READ_LIMIT };
  return null;
}

/**
 * An error middleware for apps that run a body parser (`express.json()`) before the Axor
 * router: when that parser rejects a request under the mount (malformed JSON, too large, a
 * charset it does not know), Express skips the router; this hands the request to the core
 * anyway, so the client gets the contract's 400, 413 or 415 envelope. A client that hung up
 * mid-body gets the 400 envelope (to no one) rather than a logged stack. Other errors go on.
 *
 * @example
 * ```ts
 * app.use(express.json());
 * app.use("/api/user", axorRouter(axor));
 * app.use("/api/user", axorBodyParserErrors(axor)); // same mount path, after the router
 * ```
 */
export function axorBodyParserErrors(axor: Axor): ErrorRequestHandler {
  return async (error, req, res, next) => {
    const parserError = typeof error === "object" && error !== null ? error : {};
    if (parserError.type === "request.aborted" && !res.headersSent) {
      // The client hung up mid-body: the envelope to no one, no stack for a routine event.
      return writeNodeResponse(
        res,
        axor.errorResponse(bodyAbortedError(), pathOf(req.originalUrl)),
      );
    }
    if (!BODY_ERRORS.test(String(parserError.type)) || res.headersSent) return next(error);
    try {
      const body: AxorRequest["body"] | null = await bodyAfter(parserError, req);
      if (body === null) return next(error);
      writeNodeResponse(res, await axor.handle(routerRequest(req, body)));
    } catch (secondError) {
      next(secondError);
    }
  };
}
