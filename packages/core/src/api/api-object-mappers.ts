import type { SessionRecord, UserRecord } from "../storage/records.js";
import type { UserFieldSet } from "../user-fields/user-field-set.js";
import type { AppToken, Session, User } from "./api-objects.js";

/**
 * A stored user as the contract's User object (no hash, ISO 8601 UTC dates), with the declared
 * additional fields after the built-in keys.
 */
export function toUser(user: UserRecord, fields: UserFieldSet): User {
  const builtIn: User = {
    id: user.id,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    timezone: user.timezone,
    is_active: user.isActive,
    is_email_verified: user.isEmailVerified,
    totp_enabled: user.totpEnabled,
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
  };
  return fields.names.length === 0 ? builtIn : { ...builtIn, ...fields.valuesOf(user) };
}

function isValid(session: SessionRecord, now: Date): boolean {
  return session.revokedAt === null && session.expireAt.getTime() > now.getTime();
}

/** A stored web session as the contract's Session object. */
export function toSession(session: SessionRecord, now: Date): Session {
  return {
    id: session.id,
    is_valid: isValid(session, now),
    created_at: session.createdAt.toISOString(),
    updated_at: session.updatedAt.toISOString(),
    expire_at: session.expireAt.toISOString(),
    ip: session.ip,
    ua: session.ua,
  };
}

/** A stored app token as the contract's AppToken object. */
export function toAppToken(token: SessionRecord, now: Date): AppToken {
  return {
    id: token.id,
    is_valid: isValid(token, now),
    created_at: token.createdAt.toISOString(),
    last_used_at: token.lastUsedAt.toISOString(),
    expire_at: token.expireAt.toISOString(),
    ip: token.ip,
    ua: token.ua,
  };
}
