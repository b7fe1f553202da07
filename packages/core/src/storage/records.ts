/** A stored user. `passwordHash` never leaves the core. */
export interface UserRecord {
  id: string;
  email: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  timezone: string;
  isActive: boolean;
  isEmailVerified: boolean;
  totpEnabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What `createUser` takes: the core chooses the id and the timestamps. */
export type NewUser = Omit<UserRecord, "totpEnabled"> & { totpEnabled?: boolean };

/** Fields `updateUser` may change; `updatedAt` is always given by the caller. */
export type UserPatch = Partial<
  Pick<
    UserRecord,
    | "email"
    | "passwordHash"
    | "firstName"
    | "lastName"
    | "timezone"
    | "isActive"
    | "isEmailVerified"
    | "totpEnabled"
  >
> & { updatedAt: Date };

/** `web`: a browser session carried in a cookie. `app`: a Bearer token. */
export type SessionKind = "web" | "app";

/** A web session or an app token. Only the SHA-256 hash of its key is stored. */
export interface SessionRecord {
  id: string;
  userId: string;
  kind: SessionKind;
  keyHash: string;
  createdAt: Date;
  updatedAt: Date;
  lastUsedAt: Date;
  expireAt: Date;
  revokedAt: Date | null;
  ip: string | null;
  ua: string | null;
}

/** What `createSession` takes. */
export type NewSession = Omit<SessionRecord, "revokedAt">;

/** A session together with its user: the one read every authenticated request makes. */
export interface SessionWithUser {
  session: SessionRecord;
  user: UserRecord;
}

/** What a one-time token is for. Each purpose has its own lifetime. */
export type OneTimeTokenPurpose = "verify_email" | "reset_password" | "magic_link";

/** A single-use token (email verification, password reset, magic link), stored hashed. */
export interface OneTimeTokenRecord {
  tokenHash: string;
  purpose: OneTimeTokenPurpose;
  userId: string;
  /** The address the token was sent to: a token dies when the user's email changes. */
  email: string;
  createdAt: Date;
  expireAt: Date;
}

/** A user's TOTP state. `secret` is encrypted by the core before it is stored. */
export interface TotpRecord {
  userId: string;
  encryptedSecret: string;
  /** False until the user confirms the setup with a first code. */
  confirmed: boolean;
  /** The last accepted time step; a code at or before it is never accepted again. */
  lastUsedStep: number;
  createdAt: Date;
}

/** A fixed-window counter after one increment. */
export interface CounterState {
  count: number;
  resetAt: Date;
}

/** An entry of the user's security log (logins, password changes, ...). */
export interface SecurityEvent {
  userId: string | null;
  type: string;
  ip: string | null;
  ua: string | null;
  at: Date;
}
