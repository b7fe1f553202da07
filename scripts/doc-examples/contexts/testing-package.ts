// Free names of the JSDoc examples inside packages/testing, which document the suites' own
// helpers: the testing names, plus the contract suite's server handle. `client` keeps its
// meaning (a ClientInfo); a ContractClient is `ctx.client()`.
import type { ContractServerHandle } from "../../../packages/testing/src/http/contract-server-hooks.js";

export * from "./testing.js";

/** What `useContractServer(start)` returns inside a describe block. */
export declare const ctx: ContractServerHandle;
