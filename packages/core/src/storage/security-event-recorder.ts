import type { SecurityEvent } from "./records.js";
import type { EventLog } from "./storage-adapter.js";

/** Writes a security event to the log (when there is one) and hands it to `onEvent`. */
export type RecordEvent = (event: SecurityEvent) => Promise<void>;

/**
 * The one way core records an event. `onEvent` runs first and cannot fail the request: what it
 * throws goes to `reportError`. The log's own failure does fail it, like any storage call.
 */
export function securityEventRecorder(
  log: EventLog | undefined,
  onEvent: ((event: SecurityEvent) => void) | undefined,
  reportError: (error: unknown, during: string) => void,
): RecordEvent {
  return async (event) => {
    if (onEvent) {
      try {
        onEvent(structuredClone(event));
      } catch (error) {
        reportError(error, `calling onEvent for "${event.type}"`);
      }
    }
    await log?.recordSecurityEvent(event);
  };
}
