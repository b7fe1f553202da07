import type { LoginResponse } from "./api-types.js";
import type { AxorClient } from "./axor-client.js";
import { type KeyStorage, memoryKeyStorage } from "./key-storage.js";
import { type FetchFunction, sendRequest, type Transport } from "./send-request.js";

/** The settings of `createAxorClient`. */
export interface AxorClientOptions {
  /** The URL of Axor's mount, e.g. "https://api.example.com/api/user". */
  baseUrl: string;
  /**
   * "web" (default): the session is the HttpOnly cookie; requests go with
   * `credentials: "include"`. "app": the Bearer key of login/register is kept in `keyStorage`
   * and sent as `Authorization: Bearer`.
   */
  mode?: "web" | "app";
  /** App mode: where the key is kept. Default: in memory (`memoryKeyStorage()`). */
  keyStorage?: KeyStorage;
  /** App mode: the `X-Requested-By` value. Default "mobile_app". */
  requestedBy?: string;
  /** The fetch to call. Default: the global `fetch`. */
  fetch?: FetchFunction;
}

/**
 * A typed client of the Axor HTTP API for browsers and Node: one method per endpoint, errors
 * thrown as `AxorClientError`. No dependencies: it needs a `fetch` (global in browsers and
 * Node 18+, or given).
 *
 * @example
 * ```ts
 * // Web mode (a browser app): the session is Axor's HttpOnly cookie.
 * const web = createAxorClient({ baseUrl: "https://api.example.com/api/user" });
 * await web.login({ email: "ada@example.com", password: "correct horse battery" });
 * const { user } = await web.me();
 *
 * // App mode: the Bearer key from login is kept (in memory unless `keyStorage` is given).
 * const app = createAxorClient({ baseUrl: "https://api.example.com/api/user", mode: "app" });
 * try {
 *   await app.login({ email: "ada@example.com", password: "correct horse battery" });
 * } catch (error) {
 *   if (error instanceof AxorClientError && error.code === "TOTPRequired") {
 *     await app.login({ email: "ada@example.com", password: "correct horse battery", code: "123456" });
 *   } else throw error;
 * }
 * await app.changeName({ first_name: "Ada", last_name: "King" });
 * await app.logout(); // the key is forgotten
 *
 * // A server with additional user fields (its `userFields`): name their types once.
 * const typed = createAxorClient<{ company: string }>({ baseUrl: "https://api.example.com/api/user" });
 * const { user: me } = await typed.me(); // me.company: string
 * ```
 */
export function createAxorClient<TFields extends object = {}>(
  options: AxorClientOptions,
): AxorClient<TFields> {
  const mode = options.mode ?? "web";
  const keyStorage = options.keyStorage ?? memoryKeyStorage();
  const transport: Transport = {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    mode,
    requestedBy: options.requestedBy ?? "mobile_app",
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    keyStorage,
  };
  const get = <T>(path: string) => sendRequest<T>(transport, "GET", path);
  const post = <T = void>(path: string, body?: object) =>
    sendRequest<T>(transport, "POST", path, body);
  const put = <T = void>(path: string, body: object) =>
    sendRequest<T>(transport, "PUT", path, body);
  async function signIn(path: string, body: object): Promise<LoginResponse> {
    const response = await post<LoginResponse>(path, body);
    if (mode === "app" && response.session) await keyStorage.set(response.session.key);
    return response;
  }

  // The server's additional user fields exist only in the types: the JSON carries them.
  const client: AxorClient = {
    mode,
    keyStorage,
    register: (input) => signIn("/register/", input),
    login: (input) => signIn("/login/", input),
    async logout() {
      try {
        await post("/logout/");
      } finally {
        if (mode === "app") await keyStorage.clear();
      }
    },
    me: () => get("/me/"),
    verifyEmail: (input) => post("/verify_email/", input),
    resendVerificationEmail: () => post("/verify_email/resend/"),
    changeEmail: (input) => put("/change_email/", input),
    changeName: (input) => put("/change_name/", input),
    requestMagicLink: (input) => post("/magic_link/request/", input),
    consumeMagicLink: (input) => signIn("/magic_link/consume/", input),
    changePassword: (input) => put("/change_password/", input),
    requestPasswordReset: (input) => post("/forgot_password/request/", input),
    validatePasswordResetToken: (input) => post("/forgot_password/validate/", input),
    resetPassword: (input) => post("/forgot_password/reset/", input),
    activeSessions: () => get("/active_sessions/"),
    closeSession: (input) => post("/active_sessions/close/", input),
    closeOtherSessions: () => post("/active_sessions/close_except_current/"),
    totpInit: () => post("/totp/init/"),
    totpEnable: (input) => post("/totp/enable/", input),
    totpDisable: (input) => put("/totp/disable/", input),
    totpNewBackupCodes: (input) => post("/totp/new-backup-codes/", input),
    openApi: () => get("/openapi.json"),
  };
  return client as AxorClient<TFields>;
}
