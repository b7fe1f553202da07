import * as v from "valibot";
import type { AxorContext } from "../axor-context.js";
import type { StoredSecurityEvent } from "../storage/records.js";
import { parseInput } from "../validation/parse-input.js";
import { instantField, limitField, offsetField, userIdField } from "./admin-fields.js";
import { eventLogReader } from "./admin-parts.js";

const eventsSchema = v.pipe(
  v.object(
    {
      userId: v.optional(userIdField),
      from: instantField,
      to: instantField,
      offset: offsetField,
      limit: limitField,
    },
    "The query must be an object.",
  ),
  v.forward(
    v.check(
      ({ from, to }) => !from || !to || from.getTime() <= to.getTime(),
      "Must not be before from.",
    ),
    ["to"],
  ),
);

/** `axor.users.events`: security events, newest first, by user and time range. */
export async function listUserEvents(
  ctx: AxorContext,
  query: unknown = {},
): Promise<StoredSecurityEvent[]> {
  const fields = parseInput(eventsSchema, query);
  return eventLogReader(ctx, "axor.users.events").listSecurityEvents(fields);
}
