// Free names of Express examples (packages/express, docs/express.md, getting started, README).
import type { Express, Request, RequestHandler, Response } from "express";

export { default as express } from "express";
export * from "./everywhere.js";

export declare const app: Express;
export declare const req: Request;
export declare const res: Response;
/** One of the app's own route handlers. */
export declare const handler: RequestHandler;
