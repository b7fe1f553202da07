/**
 * A response read once, in full: status, headers, each `Set-Cookie` on its own, the body text
 * and, when it is JSON, the parsed body.
 *
 * @example
 * ```ts
 * const response = await readContractResponse(await ctx.server.fetch("me/"));
 * response.status; // 401
 * response.body; // { title: "Not authenticated", ... }
 * ```
 */
export interface ContractResponse {
  status: number;
  headers: Headers;
  /** Every `Set-Cookie` header value, one entry per cookie. */
  setCookies: string[];
  text: string;
  /** The parsed JSON body; undefined when the body is empty or not JSON. */
  body: unknown;
}

/** Reads a fetch `Response` into a `ContractResponse`. */
export async function readContractResponse(response: Response): Promise<ContractResponse> {
  const text = await response.text();
  let body: unknown;
  const type = response.headers.get("content-type") ?? "";
  if (text !== "" && /^application\/(problem\+)?json\b/i.test(type)) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  return {
    status: response.status,
    headers: response.headers,
    setCookies: response.headers.getSetCookie(),
    text,
    body,
  };
}
