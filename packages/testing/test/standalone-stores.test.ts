import type { EventLog, SecurityEvent } from "@axor/core/storage";
import { memoryRateLimitStore } from "../../core/src/rate-limit/memory-rate-limit-store.js";
import { memoryEventLog } from "../../core/src/storage/memory-event-log.js";
import { describeEventLog, describeRateLimitStore } from "../src/index.js";

describeRateLimitStore("memory", async () => ({ storage: memoryRateLimitStore() }));

describeEventLog("array", async () => {
  const events: SecurityEvent[] = [];
  const log: EventLog = { recordSecurityEvent: async (event) => void events.push(event) };
  return { storage: log, cleanup: async () => void events.splice(0) };
});

describeEventLog("memory", async () => ({ storage: memoryEventLog() }));
