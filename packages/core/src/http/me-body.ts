import { toUser } from "../api/api-object-mappers.js";
import type { UserRecord } from "../storage/records.js";
import type { UserFieldSet } from "../user-fields/user-field-set.js";

/** Bodies already rendered, per user record and the field set they were rendered with. */
const rendered = new WeakMap<UserRecord, { fields: UserFieldSet; body: string }>();

/**
 * The `me/` answer, `{"user": ...}`, as JSON text. A frozen record is one the session cache
 * handed out: a copy that never changes (a change to the user drops it from the cache), so its
 * text is rendered once and re-sent on every hit. Any other record is rendered per request.
 */
export function meBody(user: UserRecord, fields: UserFieldSet): string {
  if (!Object.isFrozen(user)) return JSON.stringify({ user: toUser(user, fields) });
  const known = rendered.get(user);
  if (known?.fields === fields) return known.body;
  const body = JSON.stringify({ user: toUser(user, fields) });
  rendered.set(user, { fields, body });
  return body;
}
