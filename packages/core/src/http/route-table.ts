import {
  activeSessionsEndpoint,
  closeOtherSessionsEndpoint,
  closeSessionEndpoint,
} from "./active-sessions-endpoints.js";
import { changeNameEndpoint } from "./change-name-endpoint.js";
import {
  changeEmailEndpoint,
  resendVerificationEmailEndpoint,
  verifyEmailEndpoint,
} from "./email-endpoints.js";
import { consumeMagicLinkEndpoint, requestMagicLinkEndpoint } from "./magic-link-endpoints.js";
import {
  changePasswordEndpoint,
  forgotPasswordRequestEndpoint,
  forgotPasswordResetEndpoint,
  forgotPasswordValidateEndpoint,
} from "./password-endpoints.js";
import type { RouteTable } from "./route.js";
import {
  loginEndpoint,
  logoutEndpoint,
  meEndpoint,
  registerEndpoint,
} from "./session-endpoints.js";
import {
  totpDisableEndpoint,
  totpEnableEndpoint,
  totpInitEndpoint,
  totpNewBackupCodesEndpoint,
} from "./totp-endpoints.js";

/** Every endpoint of the contract, relative to the mount path. One line each. */
export const routeTable: RouteTable = {
  "/register/": { POST: registerEndpoint },
  "/login/": { POST: loginEndpoint },
  "/logout/": { POST: logoutEndpoint },
  "/me/": { GET: meEndpoint },
  "/verify_email/": { POST: verifyEmailEndpoint },
  "/verify_email/resend/": { POST: resendVerificationEmailEndpoint },
  "/change_email/": { PUT: changeEmailEndpoint },
  "/change_name/": { PUT: changeNameEndpoint },
  "/magic_link/request/": { POST: requestMagicLinkEndpoint },
  "/magic_link/consume/": { POST: consumeMagicLinkEndpoint },
  "/change_password/": { PUT: changePasswordEndpoint },
  "/forgot_password/request/": { POST: forgotPasswordRequestEndpoint },
  "/forgot_password/validate/": { POST: forgotPasswordValidateEndpoint },
  "/forgot_password/reset/": { POST: forgotPasswordResetEndpoint },
  "/active_sessions/": { GET: activeSessionsEndpoint },
  "/active_sessions/close/": { POST: closeSessionEndpoint },
  "/active_sessions/close_except_current/": { POST: closeOtherSessionsEndpoint },
  "/totp/init/": { POST: totpInitEndpoint },
  "/totp/enable/": { POST: totpEnableEndpoint },
  "/totp/disable/": { PUT: totpDisableEndpoint },
  "/totp/new-backup-codes/": { POST: totpNewBackupCodesEndpoint },
};
