// Writes docs/openapi.json from the route table (`pnpm openapi`). A core test fails while the
// file differs from what this writes.
import { writeFileSync } from "node:fs";
import { OPENAPI_FILE, openApiFileText } from "../packages/core/src/openapi/openapi-file.js";

writeFileSync(OPENAPI_FILE, openApiFileText());
console.log(`wrote ${OPENAPI_FILE}`);
