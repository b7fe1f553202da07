/** The `info.version` of the OpenAPI document: the version of @axor/core that serves it. */
export const OPENAPI_VERSION = "0.1.0";
