import type { ClientInfo } from "../api/client-info.js";
import { login } from "../auth/login.js";
import { logout } from "../auth/logout.js";
import { register } from "../auth/register.js";
import type { LoginResult } from "../axor-api.js";
import type { AxorContext } from "../axor-context.js";
import { clearedSessionCookie, deviceCookie, sessionCookie } from "../sessions/session-cookie.js";
import { jsonResponse, jsonTextResponse } from "./json-response.js";
import { meBody } from "./me-body.js";
import type { AxorResponse } from "./neutral-http.js";
import type { Endpoint } from "./route.js";

/** A login's HTTP answer: the body, and in web mode the session cookie. */
export function loginResponse(
  ctx: AxorContext,
  status: number,
  result: LoginResult,
  client: ClientInfo,
): AxorResponse {
  if (client.mode === "app") return jsonResponse(status, result.response);
  const secure = client.secure ?? false;
  const cookies = [
    sessionCookie(ctx.options.cookie, result.key, result.expireAt, ctx.now(), secure),
  ];
  if (result.deviceToken)
    cookies.push(deviceCookie(ctx.options.cookie, result.deviceToken, secure));
  return jsonResponse(status, result.response, cookies);
}

export const registerEndpoint: Endpoint = {
  auth: false,
  setsCookie: true,
  body: true,
  run: async ({ ctx, body, client }) =>
    loginResponse(ctx, 201, await register(ctx, body, client), client),
};

export const loginEndpoint: Endpoint = {
  auth: false,
  setsCookie: true,
  body: true,
  run: async ({ ctx, body, client }) =>
    loginResponse(ctx, 200, await login(ctx, body, client), client),
};

export const logoutEndpoint: Endpoint = {
  auth: false,
  setsCookie: true,
  body: false,
  async run({ ctx, client }) {
    await logout(ctx, client);
    // Only a cookie that was sent is cleared: a cross-site form cannot sign anyone out.
    const cookies =
      client.mode === "web" && client.credential?.source === "cookie"
        ? [clearedSessionCookie(ctx.options.cookie, client.secure ?? false)]
        : [];
    return jsonResponse(204, undefined, cookies);
  },
};

export const meEndpoint: Endpoint = {
  auth: true,
  body: false,
  run: ({ ctx, session }) =>
    session
      ? jsonTextResponse(200, meBody(session.user, ctx.userFields))
      : jsonResponse(200, { user: null }),
};
