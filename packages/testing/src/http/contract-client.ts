import type { ContractResponse } from "./contract-response.js";
import { readContractResponse } from "./contract-response.js";
import type { ContractServer } from "./contract-server.js";
import { CookieJar } from "./cookie-jar.js";

/** The user agent every contract client sends; sessions record it as `ua`. */
export const contractUserAgent = "axor-contract-suite/1.0";

/** What one request carries besides its method and path. */
export interface ContractRequestOptions {
  /** A value to send as a JSON body (`content-type: application/json`). */
  json?: unknown;
  /** A raw body, sent as is (set `content-type` in `headers` yourself). */
  body?: RequestInit["body"];
  /** Extra headers; a header set to undefined is not sent. */
  headers?: Record<string, string | undefined>;
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A client of the contract: a web client keeps a cookie jar and, like a browser, sends the
 * server's own `Origin` on state-changing requests (override or drop it through `headers`,
 * e.g. `{ origin: undefined }`); an app client sends
 * `X-Requested-By: mobile_app` and adopts the `session.key` of a login or register answer as
 * its Bearer key.
 *
 * @example
 * ```ts
 * const app = new ContractClient(ctx.server, "app");
 * await app.post("login/", { email, password });
 * const me = await app.get("me/"); // sent with Authorization: Bearer <key>
 * ```
 */
export class ContractClient {
  readonly jar = new CookieJar();
  /** The Bearer key sent with every request, when set. */
  bearer: string | undefined;

  constructor(
    readonly server: ContractServer,
    readonly mode: "web" | "app" = "web",
    /** When the client receives responses, for cookie expiry (a fake clock's time). */
    readonly clock: () => Date = () => new Date(),
  ) {}

  get(path: string, options: ContractRequestOptions = {}): Promise<ContractResponse> {
    return this.send("GET", path, options);
  }

  post(
    path: string,
    json?: unknown,
    options: ContractRequestOptions = {},
  ): Promise<ContractResponse> {
    return this.send("POST", path, json === undefined ? options : { ...options, json });
  }

  async send(
    method: string,
    path: string,
    options: ContractRequestOptions = {},
  ): Promise<ContractResponse> {
    const headers: Record<string, string | undefined> = { "user-agent": contractUserAgent };
    if (this.mode === "app") headers["x-requested-by"] = "mobile_app";
    else if (!safeMethods.has(method)) headers.origin = this.server.origin;
    const cookie = this.jar.header();
    if (cookie !== undefined) headers.cookie = cookie;
    if (this.bearer !== undefined) headers.authorization = `Bearer ${this.bearer}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    }
    Object.assign(headers, options.headers);
    const sent = Object.fromEntries(
      Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const init: RequestInit = { method, headers: sent };
    if (body !== undefined) init.body = body;
    const response = await readContractResponse(await this.server.fetch(path, init));
    this.jar.store(response.setCookies, this.clock());
    this.#adoptSessionKey(response);
    return response;
  }

  #adoptSessionKey(response: ContractResponse): void {
    if (this.mode !== "app" || response.status >= 300) return;
    const body = response.body as { session?: { key?: unknown } } | undefined;
    if (typeof body?.session?.key === "string") this.bearer = body.session.key;
  }
}
