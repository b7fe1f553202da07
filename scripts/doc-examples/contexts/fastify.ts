// Free names of Fastify examples (packages/fastify, docs/fastify.md). As in Fastify's own docs,
// `request` is Fastify's request here, not the neutral AxorRequest.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from "fastify";

export { default as Fastify } from "fastify";
export * from "./everywhere.js";

export declare const app: FastifyInstance;
export declare const request: FastifyRequest;
export declare const reply: FastifyReply;
/** One of the app's own route handlers. */
export declare const handler: RouteHandlerMethod;
