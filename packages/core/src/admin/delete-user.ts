import * as v from "valibot";
import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import { parseInput } from "../validation/parse-input.js";
import { eventLogReader, userAdminStorage } from "./admin-parts.js";
import { parseUserId, recordAdminEvent } from "./admin-user.js";

const optionsSchema = v.object(
  { purgeEvents: v.optional(v.boolean("Must be a boolean."), false) },
  "The options must be an object.",
);

/**
 * `axor.users.delete`: the storage deletes the user and what serves only them in one step;
 * then either the user's events are purged, or a `user_deleted` event joins them for audit.
 */
export async function deleteUser(ctx: AxorContext, id: unknown, options: unknown = {}) {
  const userId = parseUserId(id);
  const { purgeEvents } = parseInput(optionsSchema, options);
  const storage = userAdminStorage(ctx, "axor.users.delete");
  const log = purgeEvents ? eventLogReader(ctx, "axor.users.delete with purgeEvents") : null;
  if (!(await storage.deleteUser(userId))) throw new AxorError("UserNotFound");
  if (log) await log.deleteSecurityEvents(userId);
  else await recordAdminEvent(ctx, userId, "user_deleted");
}
