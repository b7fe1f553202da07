// The contract's objects and request bodies, as the client sends and gets them. A type test
// (test/core-types.test.ts) holds them equal to @axor/core's own types.

/** The contract's User object. */
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

/** A web session; `current` only in `activeSessions()`. */
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

/** An app's Bearer token; `current` only in `activeSessions()`. */
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

/**
 * Login, register and magic-link consumption; `session` only in app mode. `TUser`: the User
 * with the server's additional fields (see `createAxorClient`).
 */
export interface LoginResponse<TUser extends User = User> {
  last_session: Session | null;
  last_token_session: AppToken | null;
  user: TUser;
  session?: { id: string; key: string };
}

/** `me()`, `changeName()`, `changeEmail()`. */
export interface UserResponse<TUser extends User = User> {
  user: TUser;
}

/** `activeSessions()`: live ones, newest first. */
export interface ActiveSessions {
  sessions: Session[];
  tokens: AppToken[];
}

/** `totpInit()`: the secret (base32), its otpauth:// URI and 10 backup codes. */
export interface TotpSetup {
  key: string;
  provision: string;
  backup_codes: string[];
}

/** `totpNewBackupCodes()`. */
export interface BackupCodes {
  backup_codes: string[];
}

export interface RegisterInput {
  email: string;
  password: string;
  first_name: string;
  last_name: string;
}

export interface LoginInput {
  email: string;
  password: string;
  /** A 6-digit TOTP code or a backup code; required when 2FA is on. */
  code?: string;
}

export interface ChangeNameInput {
  first_name: string;
  last_name: string;
}

export interface ChangeEmailInput {
  email: string;
  password: string;
}

export interface ChangePasswordInput {
  old_password: string;
  new_password: string;
}

export interface EmailInput {
  email: string;
}

export interface TokenInput {
  token: string;
}

export interface ResetPasswordInput {
  token: string;
  password: string;
}

export interface MagicLinkConsumeInput {
  token: string;
  /** Required when 2FA is on. */
  code?: string;
}

export interface CloseSessionInput {
  id: string;
}

export interface TotpCodeInput {
  code: string;
}
