import type { AxorContext } from "../axor-context.js";
import { eventLogOf } from "../storage/optional-stores.js";
import type {
  EventLogReader,
  ExpiredRowSweeper,
  StorageAdapter,
  UserAdminStorage,
} from "../storage/storage-adapter.js";

const hasVerbs = (value: object | undefined, names: string[]) =>
  value !== undefined &&
  names.every((name) => typeof (value as Record<string, unknown>)[name] === "function");

/**
 * Thrown when an admin function needs an optional storage part the configured storage lacks:
 * a setup mistake, not bad input, so a plain `Error` that says what is missing.
 */
function missingPart(what: string, part: string, verbs: string): Error {
  return new Error(
    `${what} needs a storage that offers ${part} (${verbs}); the storage given to createAxor ` +
      "does not. kyselyStorage() and memoryStorage() do; see docs/server-api.md.",
  );
}

/** The storage as a `UserAdminStorage`, or an `Error` naming `what` needed it. */
export function userAdminStorage(
  ctx: AxorContext,
  what: string,
): StorageAdapter & UserAdminStorage {
  if (!hasVerbs(ctx.storage, ["listUsers", "deleteUser"])) {
    throw missingPart(what, "UserAdminStorage", "listUsers, deleteUser");
  }
  return ctx.storage as StorageAdapter & UserAdminStorage;
}

/** The event log as an `EventLogReader`, or an `Error` naming `what` needed it. */
export function eventLogReader(ctx: AxorContext, what: string): EventLogReader {
  const log = eventLogOf(ctx.options);
  if (!hasVerbs(log, ["listSecurityEvents", "deleteSecurityEvents"])) {
    throw new Error(
      `${what} needs an event log that offers EventLogReader (listSecurityEvents, ` +
        "deleteSecurityEvents): kyselyStorage() is one, memoryEventLog() another; pass it as " +
        "storage or eventLog to createAxor. See docs/server-api.md.",
    );
  }
  return log as unknown as EventLogReader;
}

/** The storage as an `ExpiredRowSweeper`, or an `Error` naming `what` needed it. */
export function expiredRowSweeper(ctx: AxorContext, what: string): ExpiredRowSweeper {
  if (!hasVerbs(ctx.storage, ["sweepExpired"])) {
    throw missingPart(what, "ExpiredRowSweeper", "sweepExpired");
  }
  return ctx.storage as unknown as ExpiredRowSweeper;
}
