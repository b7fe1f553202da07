import type { AxorResponse } from "@axor/core";
import type { Response } from "express";

/**
 * Writes a neutral response: status, every header, each Set-Cookie as its own header line
 * (after any the app already set), and the body bytes exactly as the core serialized them.
 *
 * @example
 * ```ts
 * sendAxorResponse(res, await axor.handle(request));
 * ```
 */
export function sendAxorResponse(res: Response, response: AxorResponse): void {
  res.status(response.status);
  for (const [name, value] of Object.entries(response.headers)) {
    if (name.toLowerCase() !== "set-cookie") res.setHeader(name, value);
  }
  if (response.setCookies.length > 0) res.append("Set-Cookie", response.setCookies);
  res.end(response.body ?? undefined);
}
