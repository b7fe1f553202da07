import type { AxorRequest, AxorResponse } from "./neutral-http.js";

/**
 * Anything an adapter can mount besides the API, such as `@axor/pages`: one neutral request
 * (and the raw query string, without "?") in, one neutral response out; never throws.
 *
 * @example
 * ```ts
 * const hello: NeutralHandler = {
 *   handle: async (request, query) => ({
 *     status: 200,
 *     headers: { "content-type": "text/plain" },
 *     setCookies: [],
 *     body: `${request.path}?${query ?? ""}`,
 *   }),
 * };
 * ```
 */
export interface NeutralHandler {
  handle(request: AxorRequest, query?: string): Promise<AxorResponse>;
}
