import type { AxorOptions } from "../options/axor-options.js";
import { memoryRateLimitStore } from "../rate-limit/memory-rate-limit-store.js";
import type { EventLog, RateLimitStore } from "./storage-adapter.js";

const hasVerbs = (value: object, names: string[]) =>
  names.every((name) => typeof (value as Record<string, unknown>)[name] === "function");

/** The rate-limit store: the one given, else the storage's own, else one in memory. */
export function rateLimitStoreOf(options: Pick<AxorOptions, "storage" | "rateLimitStore">) {
  if (options.rateLimitStore) return options.rateLimitStore;
  const counters = ["incrementCounter", "getCounter", "decrementCounter", "resetCounter"];
  if (hasVerbs(options.storage, counters)) return options.storage as unknown as RateLimitStore;
  return memoryRateLimitStore();
}

/** The event log: the one given, else the storage's own, else none. */
export function eventLogOf(
  options: Pick<AxorOptions, "storage" | "eventLog">,
): EventLog | undefined {
  if (options.eventLog) return options.eventLog;
  if (hasVerbs(options.storage, ["recordSecurityEvent"])) {
    return options.storage as unknown as EventLog;
  }
  return undefined;
}
