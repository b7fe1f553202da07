/**
 * The body fields of every endpoint of the route table (SPEC.md), keyed by path: the fuzz
 * sends these names with odd values, drops them, and adds others.
 */
export const endpointFields: Readonly<Record<string, readonly string[]>> = {
  "/register/": ["email", "password", "first_name", "last_name"],
  "/login/": ["email", "password", "code"],
  "/logout/": [],
  "/me/": [],
  "/verify_email/": ["token"],
  "/verify_email/resend/": [],
  "/change_email/": ["email", "password"],
  "/change_name/": ["first_name", "last_name"],
  "/magic_link/request/": ["email"],
  "/magic_link/consume/": ["token", "code"],
  "/change_password/": ["old_password", "new_password"],
  "/forgot_password/request/": ["email"],
  "/forgot_password/validate/": ["token"],
  "/forgot_password/reset/": ["token", "password"],
  "/active_sessions/": [],
  "/active_sessions/close/": ["id"],
  "/active_sessions/close_except_current/": [],
  "/totp/init/": [],
  "/totp/enable/": ["code"],
  "/totp/disable/": ["code"],
  "/totp/new-backup-codes/": ["code"],
  "/openapi.json/": [],
};
