import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { type ErrorCode, errorCatalogue } from "../src/errors/error-catalogue.js";
import { routeTable } from "../src/http/route-table.js";
import { fetchHandler } from "../src/index.js";
import { buildOpenApiDocument, documentPath } from "../src/openapi/build-openapi-document.js";
import { OPENAPI_FILE, openApiFileText } from "../src/openapi/openapi-file.js";
import { OPENAPI_VERSION } from "../src/openapi/openapi-version.js";
import { testAxor } from "./test-axor.js";

const root = new URL("../../../", import.meta.url);
const document = buildOpenApiDocument(routeTable, { serverUrl: "/api/user", version: "1" });
type OperationJson = {
  operationId: string;
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  "x-axor-error-codes": ErrorCode[];
};
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    path,
    method,
    operation: operation as OperationJson,
  })),
);

describe("the OpenAPI document", () => {
  it("has an operation for every route of the table, and a route for every operation", () => {
    const fromTable = Object.entries(routeTable).flatMap(([key, methods]) =>
      Object.keys(methods).map((method) => `${method.toLowerCase()} ${documentPath(key)}`),
    );
    const fromDocument = operations.map(({ method, path }) => `${method} ${path}`);
    expect(fromDocument.sort()).toEqual(fromTable.sort());
    expect(fromTable).toHaveLength(22); // the contract's 21 endpoints and openapi.json
  });

  it("documents each route as the table has it: body, authentication, success status", () => {
    for (const [key, methods] of Object.entries(routeTable)) {
      for (const [method, route] of Object.entries(methods)) {
        const operation = document.paths[documentPath(key)]?.[method.toLowerCase()] as
          | OperationJson
          | undefined;
        expect(operation?.operationId, `${method} ${key}`).toBe(route.operation.id);
        expect(operation?.requestBody !== undefined, `${method} ${key} body`).toBe(route.body);
        expect(operation?.security !== undefined, `${method} ${key} auth`).toBe(route.auth);
        expect(Object.keys(operation?.responses ?? {})).toContain(
          String(route.operation.success.status),
        );
      }
    }
  });

  it("answers every code an operation can answer under its catalogue status", () => {
    for (const { path, method, operation } of operations) {
      const codes = operation["x-axor-error-codes"];
      expect(codes, `${method} ${path}`).toContain("InternalError");
      for (const code of codes) {
        const status = String(errorCatalogue[code][0]);
        const content = operation.responses[status]?.content?.["application/problem+json"];
        expect(JSON.stringify(content?.schema), `${method} ${path} ${code}`).toContain(`"${code}"`);
      }
    }
    const login = document.paths["/login/"]?.post as OperationJson;
    expect(login["x-axor-error-codes"]).toEqual(
      expect.arrayContaining([
        "InvalidCredentials",
        "TOTPRequired",
        "ValidationError",
        "CSRFFailed",
      ]),
    );
    const me = document.paths["/me/"]?.get as OperationJson;
    expect(me["x-axor-error-codes"]).toContain("NotAuthenticated");
    expect(me["x-axor-error-codes"]).not.toContain("ValidationError");
  });

  it("describes request bodies with the schemas the endpoints validate with", () => {
    const register = document.paths["/register/"]?.post as {
      requestBody: { content: { "application/json": { schema: Record<string, unknown> } } };
    };
    const schema = register.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(["email", "password", "first_name", "last_name"]);
    expect(schema.properties).toMatchObject({ email: { type: "string", format: "email" } });
  });

  it("passes an OpenAPI 3.1 validator, with every $ref resolved", async () => {
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(document) as unknown as Record<string, unknown>,
    );
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it("is written to docs/openapi.json as it is now (run `pnpm openapi` after a change)", () => {
    expect(readFileSync(new URL(OPENAPI_FILE, root), "utf8")).toBe(openApiFileText());
  });

  it("carries the version of @axor/core", () => {
    const pkg = JSON.parse(readFileSync(new URL("packages/core/package.json", root), "utf8"));
    expect(OPENAPI_VERSION).toBe(pkg.version);
  });

  it("is served as openapi.json under the mount, with the mount as its server", async () => {
    const { axor } = testAxor();
    const handler = fetchHandler(axor, { mountPath: "/api/user", clientIp: () => "127.0.0.1" });
    for (const path of ["/api/user/openapi.json", "/api/user/openapi.json/"]) {
      const response = await handler(new Request(`http://localhost${path}`));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const served = (await response.json()) as typeof document;
      expect(served.servers).toEqual([{ url: ".", description: expect.any(String) }]);
      expect(Object.keys(served.paths)).toEqual(Object.keys(document.paths));
    }
    const post = await handler(
      new Request("http://localhost/api/user/openapi.json", { method: "POST" }),
    );
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});
