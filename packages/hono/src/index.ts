export { type AxorAppOptions, axorApp } from "./axor-app.js";
export { axorPagesApp } from "./axor-pages-app.js";
export {
  type AxorEnv,
  axorAuth,
  requireAppToken,
  requireAuth,
  requireSessionCookie,
  type SignedInEnv,
} from "./guards.js";
export { type GetClientIp, toAxorRequest } from "./hono-request.js";
