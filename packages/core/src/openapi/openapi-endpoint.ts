import { jsonResponse } from "../http/json-response.js";
import type { Endpoint, RouteTable } from "../http/route.js";
import { buildOpenApiDocument } from "./build-openapi-document.js";
import { OPENAPI_VERSION } from "./openapi-version.js";

/**
 * `GET openapi.json`: the OpenAPI document of the routes, built once. Its server is ".", the
 * mount path it is served under, so it is right wherever the host app mounts Axor.
 */
export function openApiEndpoint(routes: () => RouteTable): Endpoint {
  let body: string | undefined;
  return {
    auth: false,
    body: false,
    async run() {
      body ??= JSON.stringify(
        buildOpenApiDocument(routes(), { serverUrl: ".", version: OPENAPI_VERSION }),
      );
      const response = jsonResponse(200, {});
      return { ...response, body };
    },
  };
}
