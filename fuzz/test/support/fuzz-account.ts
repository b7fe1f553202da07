import type { Axor, AxorRequest } from "@axor/core";

/** A signed-in user the fuzz can use: its credentials and both kinds of session. */
export interface FuzzAccount {
  email: string;
  password: string;
  /** The web session, as a `name=value` cookie pair. */
  cookie: string;
  /** The app token's key, for `Authorization: Bearer`. */
  bearer: string;
  /** The app token's id (for `active_sessions/close/`). */
  tokenId: string;
}

let made = 0;

function post(path: string, body: unknown, ip: string, app: boolean): AxorRequest {
  return {
    method: "POST",
    path,
    mountPath: "/api/user",
    headers: {
      host: "127.0.0.1",
      "content-type": "application/json",
      ...(app ? { "x-requested-by": "mobile_app" } : {}),
    },
    body: Buffer.from(JSON.stringify(body)),
    ip,
    protocol: "http",
  };
}

/**
 * Registers a new user (web mode: a cookie) and logs it in as an app (a Bearer key), each from
 * an address no fuzz case uses, so no rate limit of the fuzz gets in the way.
 */
export async function registerFuzzAccount(axor: Axor): Promise<FuzzAccount> {
  made += 1;
  const ip = `10.${(made >> 16) & 255}.${(made >> 8) & 255}.${made & 255}`;
  const email = `fuzz-${process.pid}-${made}@example.com`;
  const password = `correct horse ${made}`;
  const fields = { email, password, first_name: "Fuzz", last_name: "Account" };
  const registered = await axor.handle(post("/register/", fields, ip, false));
  if (registered.status !== 201) throw new Error(`fixture register: ${registered.body}`);
  const cookie = (registered.setCookies[0] ?? "").split(";", 1)[0] ?? "";
  const login = await axor.handle(post("/login/", { email, password }, ip, true));
  if (login.status !== 200) throw new Error(`fixture login: ${login.body}`);
  const { session } = JSON.parse(login.body ?? "{}") as { session: { id: string; key: string } };
  return { email, password, cookie, bearer: session.key, tokenId: session.id };
}
