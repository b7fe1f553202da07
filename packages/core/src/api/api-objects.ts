/** The contract's User object, as `me/` returns it. Never carries a hash. */
export interface User {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  timezone: string;
  is_active: boolean;
  is_email_verified: boolean;
  totp_enabled: boolean;
  created_at: string;
  updated_at: string;
}

/** The contract's Session object (a web session). */
export interface Session {
  id: string;
  is_valid: boolean;
  created_at: string;
  updated_at: string;
  expire_at: string;
  ip: string | null;
  ua: string | null;
  current?: boolean;
}

/** The contract's AppToken object (an app's Bearer token). */
export interface AppToken {
  id: string;
  is_valid: boolean;
  created_at: string;
  last_used_at: string;
  expire_at: string;
  ip: string | null;
  ua: string | null;
  current?: boolean;
}

/** What login, register and magic-link consumption answer. `session` only in app mode. */
export interface LoginResponse {
  last_session: Session | null;
  last_token_session: AppToken | null;
  user: User;
  session?: { id: string; key: string };
}

/** Who is making a request: what the adapters expose as `req.axor` / `c.get("axor")`. */
export interface AuthState {
  user: User;
  session: { id: string; kind: "web" | "app"; expire_at: string };
}
