import "./express-request-augmentation.js";

export { axorAuth } from "./axor-auth.js";
export { axorBodyParserErrors } from "./axor-body-parser-errors.js";
export { axorRouter } from "./axor-router.js";
export { requireAppToken, requireAuth, requireSessionCookie } from "./guards.js";
export { toAxorRequest } from "./to-axor-request.js";
