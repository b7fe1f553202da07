import "./fastify-request-augmentation.js";

export { type AxorHook, axorAuth } from "./axor-auth.js";
export { type AxorPluginOptions, axorPlugin } from "./axor-plugin.js";
export { type AxorRoutesOptions, axorRoutes } from "./axor-routes.js";
export { requireAppToken, requireAuth, requireSessionCookie } from "./guards.js";
export { toAxorRequest } from "./to-axor-request.js";
