import { changePassword } from "../auth/change-password.js";
import {
  requestPasswordReset,
  resetPassword,
  validatePasswordResetToken,
} from "../auth/password-reset.js";
import type { ResolvedSession } from "../sessions/resolve-session.js";
import { jsonResponse } from "./json-response.js";
import type { Endpoint } from "./route.js";

const noContent = () => jsonResponse(204, undefined);

/** `POST forgot_password/request/`: 204 always (see `requestPasswordReset`). */
export const forgotPasswordRequestEndpoint: Endpoint = {
  auth: false,
  body: true,
  async run({ ctx, body, client }) {
    await requestPasswordReset(ctx, body, client);
    return noContent();
  },
};

/** `POST forgot_password/validate/`: 204 while the reset token is live; it stays usable. */
export const forgotPasswordValidateEndpoint: Endpoint = {
  auth: false,
  body: true,
  async run({ ctx, body }) {
    await validatePasswordResetToken(ctx, body);
    return noContent();
  },
};

/** `POST forgot_password/reset/`: 204; uses the token up and sets the new password. */
export const forgotPasswordResetEndpoint: Endpoint = {
  auth: false,
  body: true,
  async run({ ctx, body, client }) {
    await resetPassword(ctx, body, client);
    return noContent();
  },
};

/** `PUT change_password/`: 204; the caller's session stays, every other one is revoked. */
export const changePasswordEndpoint: Endpoint = {
  auth: true,
  body: true,
  async run({ ctx, body, client, session }) {
    await changePassword(ctx, body, session as ResolvedSession, client);
    return noContent();
  },
};
