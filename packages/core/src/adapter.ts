// `@axor/core/adapter`: what a framework adapter needs besides `axor.handle` and
// `axor.authorize`. See docs/adapters.md.

export { alreadyParsedBody } from "./http/already-parsed-body.js";
export type { Authorization, AuthRequirement } from "./http/authorize.js";
export { bodyAbortedError } from "./http/body-aborted-error.js";
export type { NeutralHandler } from "./http/neutral-handler.js";
export type { AxorRequest, AxorResponse, ParsedBody } from "./http/neutral-http.js";
export { flatHeaders, nodeRequest, pathOf, splitAtMount } from "./http/node-request.js";
export { problemResponse } from "./http/problem-response.js";
export { BODY_READ_LIMIT, declaresBody, readLimitedBody } from "./http/read-limited-body.js";
export { readLimitedStream } from "./http/read-limited-stream.js";
export { readNodeBody } from "./http/read-node-body.js";
export { webRequest } from "./http/web-request.js";
export { appendSetCookies, writeNodeResponse } from "./http/write-node-response.js";
export { clearedSessionCookie, deviceCookie, sessionCookie } from "./sessions/session-cookie.js";
