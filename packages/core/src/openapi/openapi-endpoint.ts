import { jsonResponse } from "../http/json-response.js";
import type { Endpoint, RouteTable } from "../http/route.js";
import { buildOpenApiDocument } from "./build-openapi-document.js";
import { OPENAPI_VERSION } from "./openapi-version.js";
import { withUserFields } from "./with-user-fields.js";

/**
 * `GET openapi.json`: the OpenAPI document of the routes, with the instance's declared user
 * fields and names rule (`withUserFields`), built once per instance. Its server is ".", the
 * mount path it is served under, so it is right wherever the host app mounts Axor.
 */
export function openApiEndpoint(routes: () => RouteTable): Endpoint {
  // Keyed by the instance's compiled fields: one document per `createAxor`.
  const bodies = new WeakMap<object, string>();
  return {
    auth: false,
    body: false,
    async run({ ctx }) {
      let body = bodies.get(ctx.userFields);
      if (body === undefined) {
        const document = buildOpenApiDocument(routes(), {
          serverUrl: ".",
          version: OPENAPI_VERSION,
        });
        body = JSON.stringify(withUserFields(document, ctx.userFields, ctx.options.names));
        bodies.set(ctx.userFields, body);
      }
      const response = jsonResponse(200, {});
      return { ...response, body };
    },
  };
}
