/** Where the examples mount the Axor API. */
const API_PATH = "/api/user";

/** The `X-Requested-By` value that makes a request an app client's (Bearer keys, no cookie). */
const APP_CLIENT = "app";

/** An account's login fields. */
export interface Credentials {
  email: string;
  password: string;
}

/** One request to the Axor API, with a label for the answer log such as "GET me/". */
export interface ApiRequest {
  label: string;
  url: string;
  init: RequestInit;
}

/**
 * `GET me/` with a Bearer key.
 *
 * @example
 * ```ts
 * const { url, init } = meRequest(origin, key);
 * const response = await fetch(url, init);
 * ```
 */
export function meRequest(origin: string, key: string): ApiRequest {
  return {
    label: "GET me/",
    url: `${origin}${API_PATH}/me/`,
    init: { headers: { authorization: `Bearer ${key}`, "x-requested-by": APP_CLIENT } },
  };
}

/**
 * `POST login/` as an app client: a 200 carries `session.key` (see `sessionKeyOf`).
 *
 * @example
 * ```ts
 * const { url, init } = loginRequest(origin, { email, password });
 * const key = sessionKeyOf(await (await fetch(url, init)).text());
 * ```
 */
export function loginRequest(origin: string, credentials: Credentials): ApiRequest {
  return {
    label: "POST login/",
    url: `${origin}${API_PATH}/login/`,
    init: {
      method: "POST",
      headers: { "content-type": "application/json", "x-requested-by": APP_CLIENT },
      body: JSON.stringify(credentials),
    },
  };
}

/**
 * `POST logout/` with a Bearer key: revokes that key.
 *
 * @example
 * ```ts
 * const { url, init } = logoutRequest(origin, key);
 * await fetch(url, init); // 204
 * ```
 */
export function logoutRequest(origin: string, key: string): ApiRequest {
  return {
    label: "POST logout/",
    url: `${origin}${API_PATH}/logout/`,
    init: {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "x-requested-by": APP_CLIENT },
    },
  };
}

/**
 * The Bearer key in a login or register answer's body, if it has one.
 *
 * @example
 * ```ts
 * sessionKeyOf('{"session":{"id":"1","key":"abc"}}'); // "abc"
 * ```
 */
export function sessionKeyOf(body: string): string | undefined {
  try {
    const key = (JSON.parse(body) as { session?: { key?: unknown } }).session?.key;
    return typeof key === "string" ? key : undefined;
  } catch {
    return undefined;
  }
}
