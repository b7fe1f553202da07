/** One answer: status, the problem `code` when there is one, and the raw parts. */
export interface Answer {
  status: number;
  code: string | undefined;
  body: string;
  setCookies: string[];
}

/** A client of one example app at `origin`, speaking from `address` (via X-Forwarded-For). */
export interface AuthClient {
  post(path: string, body: object, extra?: Record<string, string>): Promise<Answer>;
}

/**
 * A client of the example's API at `origin` whose requests say they come from `address`
 * (the example trusts the loopback proxy, so `X-Forwarded-For` is the client address). A web
 * client keeps its cookies, as a browser does; an app client sends `X-Requested-By`.
 *
 * @example
 * ```ts
 * const browser = authClient(example.origin, "192.0.2.10", "web");
 * await browser.post("login/", { email, password });
 * ```
 */
export function authClient(origin: string, address: string, mode: "web" | "app"): AuthClient {
  const jar = new Map<string, string>();
  return {
    async post(path, body, extra = {}) {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "x-forwarded-for": address,
        ...(mode === "app" ? { "x-requested-by": "mobile_app" } : { origin }),
        ...extra,
      };
      if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
      const response = await fetch(`${origin}/api/user/${path}`, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
      });
      const text = await response.text();
      const setCookies = response.headers.getSetCookie();
      for (const line of setCookies) {
        const [pair = ""] = line.split(";");
        const at = pair.indexOf("=");
        const name = pair.slice(0, at);
        const value = pair.slice(at + 1);
        if (value === "" || /max-age=0/i.test(line)) jar.delete(name);
        else jar.set(name, value);
      }
      let code: string | undefined;
      try {
        code = (JSON.parse(text) as { code?: string }).code;
      } catch {
        code = undefined;
      }
      return { status: response.status, code, body: text, setCookies };
    },
  };
}

/** How many answers had each status/code, e.g. { "401 InvalidCredentials": 10, "429 RateLimited": 20 }. */
export function tally(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const key = `${answer.status} ${answer.code ?? ""}`.trim();
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
