import type { AxorContext } from "../axor-context.js";
import type { UserAdmin } from "./admin-types.js";
import {
  disableUser,
  enableUser,
  markEmailVerified,
  setPassword,
  updateFields,
  updateNames,
} from "./change-user.js";
import { createUser } from "./create-user.js";
import { deleteUser } from "./delete-user.js";
import { getUser, getUserByEmail, listUsers } from "./find-users.js";
import { listUserEvents } from "./user-events.js";
import { listUserSessions, revokeUserSession, revokeUserSessions } from "./user-sessions.js";

/** `axor.users`, over the instance's context. */
export function userAdmin(ctx: AxorContext): UserAdmin {
  return {
    create: (input) => createUser(ctx, input),
    get: (id) => getUser(ctx, id),
    getByEmail: (email) => getUserByEmail(ctx, email),
    list: (query) => listUsers(ctx, query),
    updateNames: (id, input) => updateNames(ctx, id, input),
    updateFields: (id, input) => updateFields(ctx, id, input),
    setPassword: (id, password) => setPassword(ctx, id, password),
    markEmailVerified: (id) => markEmailVerified(ctx, id),
    disable: (id) => disableUser(ctx, id),
    enable: (id) => enableUser(ctx, id),
    delete: (id, options) => deleteUser(ctx, id, options),
    sessions: (id) => listUserSessions(ctx, id),
    revokeSession: (id, sessionId) => revokeUserSession(ctx, id, sessionId),
    revokeSessions: (id) => revokeUserSessions(ctx, id),
    events: (query) => listUserEvents(ctx, query),
  };
}
