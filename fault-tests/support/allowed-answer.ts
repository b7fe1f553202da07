/** The statuses an auth endpoint may answer while its database is failing. */
const ALLOWED_STATUSES = new Set([200, 201, 204, 401, 503]);

/** An answer as the load clients saw it. */
export interface SeenAnswer {
  status: number;
  headers: Headers;
  body: string;
}

/**
 * Why `answer` is not one the contract allows during a database outage, or undefined when it
 * is: 200, 201, 204, 401 (as problem+json), or 503 with the `ServiceUnavailable` envelope and a
 * `Retry-After` header. Anything else (a 500, a 429, a hang) is what the fault tests look for.
 *
 * @example
 * ```ts
 * const text = await response.text();
 * const problem = whyNotAllowed({ status: response.status, headers: response.headers, body: text });
 * ```
 */
export function whyNotAllowed(answer: SeenAnswer): string | undefined {
  if (!ALLOWED_STATUSES.has(answer.status)) return `status ${answer.status}`;
  if (answer.status < 400) return undefined;
  if (!answer.headers.get("content-type")?.startsWith("application/problem+json")) {
    return `${answer.status} without the problem+json envelope`;
  }
  if (answer.status !== 503) return undefined;
  let code: unknown;
  try {
    code = (JSON.parse(answer.body) as { code?: unknown }).code;
  } catch {
    return "503 whose body is not JSON";
  }
  if (code !== "ServiceUnavailable") return `503 with code ${String(code)}`;
  if (!answer.headers.get("retry-after")) return "503 without Retry-After";
  return undefined;
}
