// Free names of Hono examples (packages/hono, docs/hono.md).
import type { AxorEnv } from "@axor/hono";
import type { Context, Handler, Hono as HonoApp } from "hono";

export { Hono } from "hono";
export * from "./everywhere.js";

export declare const app: HonoApp<AxorEnv>;
export declare const c: Context<AxorEnv>;
/** One of the app's own route handlers. */
export declare const handler: Handler<AxorEnv>;
