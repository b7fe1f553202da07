import type { AuthState, Axor } from "@axor/core";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import "./express-request-augmentation.js";
import { requestInstance } from "./request-instance.js";
import { sendAxorResponse } from "./send-axor-response.js";
import { toAxorRequest } from "./to-axor-request.js";

/**
 * Resolves the request's credential once per request and stores it in `req.axor`; a session
 * that slid re-sets its cookie on the response. Later calls return the stored result.
 */
export async function resolveAuth(
  axor: Axor,
  req: Request,
  res: Response,
): Promise<AuthState | null> {
  if (req.axor !== undefined) return req.axor;
  const { auth, setCookies } = await axor.authenticate(toAxorRequest(req));
  if (setCookies.length > 0) res.append("Set-Cookie", setCookies);
  req.axor = auth;
  return auth;
}

/**
 * Middleware that sets `req.axor` to the caller's `{ user, session }`, or null when the
 * request carries no valid credential. It never rejects a request: use a guard for that.
 *
 * @example
 * ```ts
 * app.use(axorAuth(axor));
 * app.get("/", (req, res) => res.send(req.axor ? `Hi ${req.axor.user.first_name}` : "Hi"));
 * ```
 */
export function axorAuth(axor: Axor): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      await resolveAuth(axor, req, res);
    } catch (error) {
      return sendAxorResponse(res, axor.errorResponse(error, requestInstance(req)));
    }
    next();
  };
}
