import { closeSessionSchema } from "../auth/active-sessions.js";
import { changeEmailSchema } from "../auth/change-email.js";
import { changeNameSchema } from "../auth/change-name.js";
import { changePasswordSchema } from "../auth/change-password.js";
import { requestSchema as emailLinkRequestSchema } from "../auth/email-link-request.js";
import { loginSchema } from "../auth/login.js";
import { consumeSchema as magicLinkConsumeSchema } from "../auth/magic-link.js";
import { resetSchema, validateSchema as resetTokenSchema } from "../auth/password-reset.js";
import { registerSchema } from "../auth/register.js";
import { secondFactorSchema, enableSchema as totpEnableSchema } from "../auth/totp-setup.js";
import { tokenBody as verifyEmailSchema } from "../auth/verify-email.js";
import { openApiEndpoint } from "../openapi/openapi-endpoint.js";
import {
  activeSessionsSchema,
  backupCodesSchema,
  loginResponseSchema,
  totpSetupSchema,
  userResponseSchema,
} from "../openapi/response-schemas.js";
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
import { type RouteTable, route } from "./route.js";
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

const noContent = (description: string) => ({ status: 204, description });
const loggedIn = (status: number, description: string) => ({
  status,
  description,
  body: loginResponseSchema,
});
const userAnswer = { status: 200, description: "The user, as now.", body: userResponseSchema };
const totpErrors = ["TOTPNotSetup", "InvalidTOTPToken", "TOTPLocked"] as const;

/**
 * Every endpoint of the contract, relative to the mount path, with what the OpenAPI document
 * says of it: request schema (the one the endpoint validates with), success answer and the
 * codes only it answers (the ones its flags imply are added by the document builder).
 */
export const routeTable: RouteTable = {
  "/register/": {
    POST: route(registerEndpoint, {
      id: "register",
      summary: "Create an account and sign in",
      description: "Sends the verification email.",
      request: registerSchema,
      success: loggedIn(201, "Signed in: the login response (last_* are null)."),
      errors: ["EmailInUse", "RegistrationDisabled", "InvalidPassword", "RateLimited"],
    }),
  },
  "/login/": {
    POST: route(loginEndpoint, {
      id: "login",
      summary: "Sign in with email and password (and a 2FA code when 2FA is on)",
      request: loginSchema,
      success: loggedIn(200, "Signed in: the login response."),
      errors: [
        "InvalidCredentials",
        "AccountDisabled",
        "TOTPRequired",
        "TOTPIncorrect",
        "TOTPLocked",
        "RateLimited",
      ],
    }),
  },
  "/logout/": {
    POST: route(logoutEndpoint, {
      id: "logout",
      summary: "Revoke the current session or token and clear the cookie",
      description: "Idempotent: served without a credential too.",
      success: noContent("Signed out."),
      errors: [],
    }),
  },
  "/me/": {
    GET: route(meEndpoint, {
      id: "me",
      summary: "The signed-in user",
      success: userAnswer,
      errors: [],
    }),
  },
  "/verify_email/": {
    POST: route(verifyEmailEndpoint, {
      id: "verifyEmail",
      summary: "Mark the email verified with the token of a verification link",
      request: verifyEmailSchema,
      success: noContent("The email is verified."),
      errors: ["TokenRequired", "InvalidToken"],
    }),
  },
  "/verify_email/resend/": {
    POST: route(resendVerificationEmailEndpoint, {
      id: "resendVerificationEmail",
      summary: "Send a new verification link (older links die)",
      success: noContent("Sent."),
      errors: ["EmailVerified", "EmailVerificationLinkSentRecently", "RateLimited"],
    }),
  },
  "/change_email/": {
    PUT: route(changeEmailEndpoint, {
      id: "changeEmail",
      summary: "Change the email address (unverified until the new link is used)",
      request: changeEmailSchema,
      success: userAnswer,
      errors: ["InvalidPassword", "SameEmail", "EmailInUse", "RateLimited"],
    }),
  },
  "/change_name/": {
    PUT: route(changeNameEndpoint, {
      id: "changeName",
      summary: "Change the first and last name",
      request: changeNameSchema,
      success: userAnswer,
      errors: [],
    }),
  },
  "/magic_link/request/": {
    POST: route(requestMagicLinkEndpoint, {
      id: "requestMagicLink",
      summary: "Email a sign-in link",
      description: "204 whether or not the address has an account.",
      request: emailLinkRequestSchema,
      success: noContent("Accepted."),
      errors: ["RateLimited"],
    }),
  },
  "/magic_link/consume/": {
    POST: route(consumeMagicLinkEndpoint, {
      id: "consumeMagicLink",
      summary: "Sign in with the token of a magic link (and a 2FA code when 2FA is on)",
      request: magicLinkConsumeSchema,
      success: loggedIn(200, "Signed in: the login response."),
      errors: [
        "TokenRequired",
        "InvalidToken",
        "AccountDisabled",
        "TOTPRequired",
        "TOTPIncorrect",
        "TOTPLocked",
      ],
    }),
  },
  "/change_password/": {
    PUT: route(changePasswordEndpoint, {
      id: "changePassword",
      summary: "Change the password; every other session and token is revoked",
      request: changePasswordSchema,
      success: noContent("Changed."),
      errors: ["InvalidOldPassword", "InvalidNewPassword", "RateLimited"],
    }),
  },
  "/forgot_password/request/": {
    POST: route(forgotPasswordRequestEndpoint, {
      id: "requestPasswordReset",
      summary: "Email a password reset link",
      description: "204 whether or not the address has an account.",
      request: emailLinkRequestSchema,
      success: noContent("Accepted."),
      errors: ["RateLimited"],
    }),
  },
  "/forgot_password/validate/": {
    POST: route(forgotPasswordValidateEndpoint, {
      id: "validatePasswordResetToken",
      summary: "Check that a reset token is live (it stays usable)",
      request: resetTokenSchema,
      success: noContent("The token is live."),
      errors: ["TokenRequired", "InvalidToken"],
    }),
  },
  "/forgot_password/reset/": {
    POST: route(forgotPasswordResetEndpoint, {
      id: "resetPassword",
      summary: "Set a new password with a reset token; every session and token is revoked",
      request: resetSchema,
      success: noContent("The password is set."),
      errors: ["TokenRequired", "InvalidToken", "InvalidPassword"],
    }),
  },
  "/active_sessions/": {
    GET: route(activeSessionsEndpoint, {
      id: "activeSessions",
      summary: "The user's live web sessions and app tokens, newest first",
      success: { status: 200, description: "The live ones.", body: activeSessionsSchema },
      errors: [],
    }),
  },
  "/active_sessions/close/": {
    POST: route(closeSessionEndpoint, {
      id: "closeSession",
      summary: "Revoke one of the user's sessions or tokens",
      request: closeSessionSchema,
      success: noContent("Revoked."),
      errors: ["SessionTokenNotFound"],
    }),
  },
  "/active_sessions/close_except_current/": {
    POST: route(closeOtherSessionsEndpoint, {
      id: "closeOtherSessions",
      summary: "Revoke every session and token of the user but the caller's own",
      success: noContent("Revoked."),
      errors: [],
    }),
  },
  "/totp/init/": {
    POST: route(totpInitEndpoint, {
      id: "totpInit",
      summary: "Start a 2FA setup (replaces an unconfirmed one)",
      success: { status: 201, description: "The new secret.", body: totpSetupSchema },
      errors: ["TOTPAlreadyEnabledOnInit"],
    }),
  },
  "/totp/enable/": {
    POST: route(totpEnableEndpoint, {
      id: "totpEnable",
      summary: "Turn 2FA on with a code of the authenticator app",
      request: totpEnableSchema,
      success: noContent("2FA is on."),
      errors: ["TOTPAlreadyEnabledOnInit", ...totpErrors],
    }),
  },
  "/totp/disable/": {
    PUT: route(totpDisableEndpoint, {
      id: "totpDisable",
      summary: "Turn 2FA off with a TOTP code or a backup code",
      request: secondFactorSchema,
      success: noContent("2FA is off."),
      errors: totpErrors,
    }),
  },
  "/totp/new-backup-codes/": {
    POST: route(totpNewBackupCodesEndpoint, {
      id: "totpNewBackupCodes",
      summary: "Replace the backup codes (a TOTP code or a backup code)",
      request: secondFactorSchema,
      success: { status: 200, description: "The new codes.", body: backupCodesSchema },
      errors: totpErrors,
    }),
  },
  "/openapi.json/": {
    GET: route(
      openApiEndpoint(() => routeTable),
      {
        id: "openApi",
        summary: "This OpenAPI document",
        success: { status: 200, description: "The OpenAPI 3.1 document." },
        errors: [],
        storage: false,
      },
    ),
  },
};
