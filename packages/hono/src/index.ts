export { type AxorAppOptions, axorApp } from "./axor-app.js";
export { type AxorAuthOptions, axorAuth } from "./axor-auth.js";
export type { AxorEnv } from "./axor-env.js";
export { requireAppToken, requireAuth, requireSessionCookie } from "./guards.js";
export type { GetClientIp } from "./neutral-request.js";
export { toAxorRequest } from "./to-axor-request.js";
