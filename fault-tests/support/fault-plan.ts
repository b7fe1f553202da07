import type { FaultRunPlan } from "./run-under-fault.js";

/** How often a repeating fault strikes: every connection of the app's database is cut. */
export const FAULT_EVERY_MS = 250;

/**
 * The load of every fault run: 12 clients reading `me/`, 3 logging in, 2 logging in and out;
 * it goes on 1 s after the fault, and `me/` must serve again within 1 s of the fault's end.
 */
export const FAULT_RUN_PLAN: FaultRunPlan = {
  mix: { me: 12, login: 3, logout: 2 },
  loadAfterFaultMs: 1_000,
  recoveryDeadlineMs: 1_000,
};
