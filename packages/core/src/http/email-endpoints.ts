import { toUser } from "../api/api-object-mappers.js";
import { changeEmail } from "../auth/change-email.js";
import { resendVerificationEmail, verifyEmail } from "../auth/verify-email.js";
import type { ResolvedSession } from "../sessions/resolve-session.js";
import { jsonResponse } from "./json-response.js";
import type { Endpoint } from "./route.js";

/** The session of an `auth: true` endpoint (the handler has refused the request without one). */
const signedIn = (session: ResolvedSession | null): ResolvedSession => session as ResolvedSession;

export const verifyEmailEndpoint: Endpoint = {
  auth: false,
  body: true,
  async run({ ctx, body, client }) {
    await verifyEmail(ctx, body, client);
    return jsonResponse(204, undefined);
  },
};

export const resendVerificationEmailEndpoint: Endpoint = {
  auth: true,
  body: false,
  async run({ ctx, client, session }) {
    await resendVerificationEmail(ctx, signedIn(session).user, client);
    return jsonResponse(204, undefined);
  },
};

export const changeEmailEndpoint: Endpoint = {
  auth: true,
  body: true,
  async run({ ctx, body, client, session }) {
    const user = await changeEmail(ctx, body, signedIn(session).user, client);
    return jsonResponse(200, { user: toUser(user, ctx.userFields) });
  },
};
