import "./fastify-augmentation.js";

export { axorFrameworkErrors } from "./axor-framework-errors.js";
export { type AxorPagesPluginOptions, axorPagesPlugin } from "./axor-pages-plugin.js";
export { type AxorPluginOptions, axorPlugin } from "./axor-plugin.js";
export { toAxorRequest } from "./fastify-request.js";
export {
  type AxorHook,
  axorAuth,
  requireAppToken,
  requireAuth,
  requireSessionCookie,
} from "./guards.js";
