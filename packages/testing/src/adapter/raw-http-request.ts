import { request as httpRequest } from "node:http";
import { connect } from "node:net";

/** An answer read off the wire: status, lower-case headers and the body as text. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** What `rawHttpRequest` sends: the request target exactly as written, no normalizing. */
export interface RawRequest {
  method: string;
  /** The request target as sent on the request line, e.g. "/api/user/%2e%2e/user/login/". */
  target: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * Sends one request with Node's http client, which (unlike `fetch`) keeps the target as written:
 * dot segments and percent-encoding reach the server untouched, and a header may be empty.
 *
 * @example
 * ```ts
 * const answer = await rawHttpRequest(origin, { method: "POST", target: "/api/user/login/%" });
 * ```
 */
export function rawHttpRequest(origin: string, sent: RawRequest): Promise<RawAnswer> {
  const body = sent.body === undefined ? undefined : Buffer.from(sent.body);
  const headers = { ...sent.headers, ...(body ? { "content-length": String(body.length) } : {}) };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${origin}${sent.target}`,
      { method: sent.method, path: sent.target, headers, agent: false },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Sends the head of a POST that announces a `declared`-byte body, the first bytes of it, then
 * hangs up: a client going away mid-body. Resolves once the socket is closed.
 *
 * @example
 * ```ts
 * await hangUpMidBody(origin, "/api/user/login/", 1000, '{"email":');
 * ```
 */
export function hangUpMidBody(
  origin: string,
  target: string,
  declared: number,
  sentPart: string,
): Promise<void> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n${sentPart}`,
      );
      setTimeout(() => socket.destroy(), 50);
    });
    socket.on("error", () => {});
    socket.on("close", () => resolve());
  });
}
