import "./express-request-augmentation.js";

export { axorBodyParserErrors } from "./axor-body-parser-errors.js";
export { axorPagesRouter } from "./axor-pages-router.js";
export { axorRouter } from "./axor-router.js";
export { toAxorRequest } from "./express-request.js";
export { axorAuth, requireAppToken, requireAuth, requireSessionCookie } from "./guards.js";
