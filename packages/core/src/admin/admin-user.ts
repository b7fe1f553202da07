import type { AxorContext } from "../axor-context.js";
import { AxorError } from "../errors/axor-error.js";
import type { UserRecord } from "../storage/records.js";
import { bodyObject } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { userIdField } from "./admin-fields.js";

const idSchema = bodyObject({ id: userIdField });

/** Validates a user id argument (400 `ValidationError` under `id`). */
export function parseUserId(id: unknown): string {
  return parseInput(idSchema, { id }).id;
}

/** The stored user with this id: 400 for a malformed id, 404 `UserNotFound` when none. */
export async function requireUser(ctx: AxorContext, id: unknown): Promise<UserRecord> {
  const user = await ctx.storage.getUserById(parseUserId(id));
  if (!user) throw new AxorError("UserNotFound");
  return user;
}

/** Records a security event of an admin action: no client, so no ip and no user agent. */
export async function recordAdminEvent(
  ctx: AxorContext,
  userId: string,
  type: string,
): Promise<void> {
  await ctx.recordEvent({ userId, type, ip: null, ua: null, at: ctx.now() });
}
