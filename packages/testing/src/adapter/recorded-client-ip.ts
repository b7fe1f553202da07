import { ADAPTER_API_PATH } from "./adapter-server.js";
import { registerOverHttp } from "./register-over-http.js";

/**
 * The client IP the server at `origin` records for a request sent with `headers`: registers a
 * web user with them, then reads the session back as an app login's `last_session.ip`.
 *
 * @example
 * ```ts
 * expect(await recordedClientIp(origin, { "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
 * ```
 */
export async function recordedClientIp(
  origin: string,
  headers: Record<string, string>,
): Promise<string> {
  const user = await registerOverHttp(origin, "web", headers);
  const login = await fetch(`${origin}${ADAPTER_API_PATH}/login/`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-requested-by": "mobile_app" },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  const body = (await login.json()) as { last_session: { ip: string } };
  return body.last_session.ip;
}
