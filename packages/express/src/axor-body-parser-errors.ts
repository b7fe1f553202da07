import type { Axor, AxorRequest } from "@axor/core";
import { BODY_READ_LIMIT } from "@axor/core";
import type { ErrorRequestHandler } from "express";
import { neutralRequest } from "./neutral-request.js";
import { requestBody } from "./request-body.js";
import { sendAxorResponse } from "./send-axor-response.js";

/** The fields body-parser (behind `express.json()` and friends) puts on its errors. */
interface BodyParserError {
  type?: unknown;
  body?: unknown;
}

/** body-parser's error types that are about the request body itself. */
const BODY_ERROR_TYPES = new Set([
  "entity.parse.failed",
  "entity.too.large",
  "charset.unsupported",
  "encoding.unsupported",
]);

/** The body the core should judge, rebuilt from what a failed host parser left behind. */
async function bodyAfterParserError(
  error: BodyParserError,
  req: Parameters<ErrorRequestHandler>[1],
): Promise<AxorRequest["body"] | null> {
  if (!req.readableDidRead && !req.readableEnded) return requestBody(req); // refused before reading
  if (error.type === "entity.parse.failed" && typeof error.body === "string") return error.body;
  // Too large for the host's parser (whose limit may be below 64 KiB): too large for Axor too.
  if (error.type === "entity.too.large") return { parsed: undefined, size: BODY_READ_LIMIT };
  return null;
}

/**
 * An error middleware for apps that run a body parser (`express.json()`) before the Axor
 * router: when that parser rejects a request under the mount (malformed JSON, too large,
 * unsupported charset), Express skips the router; this hands the request to the core anyway,
 * with the body the parser saw, so the client gets the contract's 400 `InvalidJSON`, 413 or
 * 415 envelope (or its 404/405 for a wrong path). Other errors go on to your error handlers.
 *
 * @example
 * ```ts
 * app.use(express.json());
 * app.use("/api/user", axorRouter(axor));
 * app.use("/api/user", axorBodyParserErrors(axor)); // same mount path, after the router
 * ```
 */
export function axorBodyParserErrors(axor: Axor): ErrorRequestHandler {
  return async (error: unknown, req, res, next) => {
    const parserError = (
      typeof error === "object" && error !== null ? error : {}
    ) as BodyParserError;
    if (!BODY_ERROR_TYPES.has(String(parserError.type)) || res.headersSent) return next(error);
    try {
      const body = await bodyAfterParserError(parserError, req);
      if (body === null) return next(error);
      sendAxorResponse(res, await axor.handle(neutralRequest(req, body)));
    } catch (secondError) {
      next(secondError);
    }
  };
}
