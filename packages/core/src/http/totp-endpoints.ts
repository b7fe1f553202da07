import { disableTotp, enableTotp, initTotp, renewBackupCodes } from "../auth/totp-setup.js";
import type { ResolvedSession } from "../sessions/resolve-session.js";
import { jsonResponse } from "./json-response.js";
import type { Endpoint } from "./route.js";

const noContent = () => jsonResponse(204, undefined);

/** The caller's user: every totp/ endpoint has `auth: true`, so the session is there. */
const userOf = (session: ResolvedSession | null) => (session as ResolvedSession).user;

/** `POST totp/init/`: 201 `{"key", "provision", "backup_codes"}` (see `initTotp`). */
export const totpInitEndpoint: Endpoint = {
  auth: true,
  body: false,
  async run({ ctx, session }) {
    return jsonResponse(201, await initTotp(ctx, userOf(session)));
  },
};

/** `POST totp/enable/`: 204; 2FA is on (see `enableTotp`). */
export const totpEnableEndpoint: Endpoint = {
  auth: true,
  body: true,
  async run({ ctx, body, client, session }) {
    await enableTotp(ctx, userOf(session), body, client);
    return noContent();
  },
};

/** `PUT totp/disable/`: 204; 2FA is off, its secret and backup codes deleted (see `disableTotp`). */
export const totpDisableEndpoint: Endpoint = {
  auth: true,
  body: true,
  async run({ ctx, body, client, session }) {
    await disableTotp(ctx, userOf(session), body, client);
    return noContent();
  },
};

/** `POST totp/new-backup-codes/`: 200 `{"backup_codes": [...]}`; old codes die. */
export const totpNewBackupCodesEndpoint: Endpoint = {
  auth: true,
  body: true,
  async run({ ctx, body, client, session }) {
    const backupCodes = await renewBackupCodes(ctx, userOf(session), body, client);
    return jsonResponse(200, { backup_codes: backupCodes });
  },
};
