import type {
  EventLog,
  EventLogReader,
  ExpiredRowSweeper,
  RateLimitStore,
  UserAdminStorage,
} from "@axor/core/storage";

/** A store an adapter may also offer, and what `createAxor` uses when it does not. */
export interface OptionalPart<S extends object> {
  /** How the suite's output names it: "rate-limit store". */
  title: string;
  /** The interface's name, for messages. */
  interfaceName: string;
  /** Every verb of the interface: `createAxor` takes the adapter's own only when all are there. */
  verbs: readonly (keyof S & string)[];
  /** What `createAxor` does when the adapter does not offer it. */
  fallback: string;
}

export const RATE_LIMIT_STORE: OptionalPart<RateLimitStore> = {
  title: "rate-limit store",
  interfaceName: "RateLimitStore",
  verbs: ["incrementCounter", "getCounter", "decrementCounter", "resetCounter"],
  fallback: "createAxor will use memoryRateLimitStore()",
};

export const EVENT_LOG: OptionalPart<EventLog> = {
  title: "event log",
  interfaceName: "EventLog",
  verbs: ["recordSecurityEvent"],
  fallback: "createAxor will keep no security log; its onEvent hook still gets every event",
};

export const USER_ADMIN: OptionalPart<UserAdminStorage> = {
  title: "user administration",
  interfaceName: "UserAdminStorage",
  verbs: ["listUsers", "deleteUser"],
  fallback: "axor.users.list and axor.users.delete will throw",
};

export const EVENT_LOG_READER: OptionalPart<EventLogReader> = {
  title: "event log reader",
  interfaceName: "EventLogReader",
  verbs: ["listSecurityEvents", "deleteSecurityEvents"],
  fallback: "axor.users.events and purging a deleted user's events will throw",
};

export const EXPIRED_ROW_SWEEPER: OptionalPart<ExpiredRowSweeper> = {
  title: "expired-row sweeper",
  interfaceName: "ExpiredRowSweeper",
  verbs: ["sweepExpired"],
  fallback: "axor.cleanup() will throw; expired rows stay until you delete them",
};

/** The verbs of `part` that `store` has as functions. */
export function offeredVerbs<S extends object>(store: object, part: OptionalPart<S>): string[] {
  const record = store as Record<string, unknown>;
  return part.verbs.filter((verb) => typeof record[verb] === "function");
}

/** True when `store` has every verb of `part`, as `createAxor` decides it. */
export function offers<S extends object>(store: object, part: OptionalPart<S>): store is S {
  return offeredVerbs(store, part).length === part.verbs.length;
}
