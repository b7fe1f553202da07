// Free names of examples of the conformance suites (docs/testing.md): vitest's functions, the
// server under test, and the StartAdapterServer the page writes for Express.
import type { StartAdapterServer } from "@axor/testing";

export { afterAll, beforeAll, describe, expect, it } from "vitest";
export * from "./everywhere.js";

/** The origin of the server under test, e.g. "http://127.0.0.1:41234". */
export declare const origin: string;
/** docs/testing.md's Express StartAdapterServer. */
export declare const startExpressServer: StartAdapterServer;
