import { routeTable } from "../http/route-table.js";
import { buildOpenApiDocument } from "./build-openapi-document.js";
import { OPENAPI_VERSION } from "./openapi-version.js";

/** Where `pnpm openapi` writes the document, from the repository root. */
export const OPENAPI_FILE = "docs/openapi.json";

/** The text of docs/openapi.json: the document with the examples' mount, `/api/user`. */
export function openApiFileText(): string {
  const document = buildOpenApiDocument(routeTable, {
    serverUrl: "/api/user",
    version: OPENAPI_VERSION,
  });
  return `${JSON.stringify(document, null, 2)}\n`;
}
