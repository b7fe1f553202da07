import { AxorClientError } from "./axor-client-error.js";
import type { KeyStorage } from "./key-storage.js";
import type { Problem } from "./problem.js";

/** The `fetch` a client calls: the global one, or any function of the same shape. */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** What every request of one client shares. */
export interface Transport {
  /** The mount URL without its trailing slash, e.g. "https://api.example.com/api/user". */
  baseUrl: string;
  mode: "web" | "app";
  /** The `X-Requested-By` value of app mode. */
  requestedBy: string;
  fetch: FetchFunction;
  keyStorage: KeyStorage;
}

function problemOf(value: unknown): Problem | null {
  if (typeof value !== "object" || value === null) return null;
  const { code, detail, status } = value as Record<string, unknown>;
  const ok = typeof code === "string" && typeof detail === "string" && typeof status === "string";
  return ok ? (value as Problem) : null;
}

function clientProblem(code: Problem["code"], status: number, path: string, detail: string) {
  const title = code === "NetworkError" ? "Network error" : "Unexpected response";
  return { title, detail, status: String(status), code, instance: path } satisfies Problem;
}

async function headersFor(transport: Transport, hasBody: boolean): Promise<Headers> {
  const headers = new Headers({ accept: "application/json" });
  if (hasBody) headers.set("content-type", "application/json");
  if (transport.mode === "app") {
    headers.set("x-requested-by", transport.requestedBy);
    const key = await transport.keyStorage.get();
    if (key) headers.set("authorization", `Bearer ${key}`);
  }
  return headers;
}

async function failure(transport: Transport, response: Response, path: string): Promise<never> {
  const text = await response.text().catch(() => "");
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: not Axor's envelope
  }
  const problem = problemOf(parsed);
  if (!problem) {
    const detail = `The server answered ${response.status} without an Axor error envelope.`;
    throw new AxorClientError(clientProblem("UnexpectedResponse", response.status, path, detail));
  }
  // The key is dead (expired, revoked): forget it.
  if (transport.mode === "app" && problem.code === "NotAuthenticated") {
    await transport.keyStorage.clear();
  }
  const retryAfter = Number(response.headers.get("retry-after") ?? Number.NaN);
  return Promise.reject(
    new AxorClientError(problem, Number.isFinite(retryAfter) ? { retryAfter } : {}),
  );
}

/**
 * One call of the API: the mode's headers and credentials, the JSON body, and the answer's
 * JSON (undefined for 204); any failure is thrown as an `AxorClientError`.
 */
export async function sendRequest<T>(
  transport: Transport,
  method: string,
  path: string,
  body?: object,
): Promise<T> {
  const init: RequestInit = {
    method,
    headers: await headersFor(transport, body !== undefined),
    credentials: transport.mode === "web" ? "include" : "omit",
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  let response: Response;
  try {
    response = await transport.fetch(`${transport.baseUrl}${path}`, init);
  } catch (cause) {
    const detail = `The request did not get an answer: ${(cause as Error)?.message ?? cause}`;
    throw new AxorClientError(clientProblem("NetworkError", 0, path, detail), { cause });
  }
  if (!response.ok) return failure(transport, response, path);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (cause) {
    const detail = `The server answered ${response.status} with a body that is not JSON.`;
    throw new AxorClientError(clientProblem("UnexpectedResponse", response.status, path, detail), {
      cause,
    });
  }
}
