import type { GenericSchema } from "valibot";
import { type ErrorCode, errorCatalogue } from "../errors/error-catalogue.js";
import type { Route, RouteTable } from "../http/route.js";
import { jsonSchemaOf } from "./json-schema.js";
import type { OpenApiDocument } from "./openapi-document.js";
import { operationErrorCodes } from "./operation-error-codes.js";
import {
  activeSessionsSchema,
  appTokenSchema,
  backupCodesSchema,
  errorCodeSchema,
  loginResponseSchema,
  problemSchema,
  sessionSchema,
  totpSetupSchema,
  userResponseSchema,
  userSchema,
} from "./response-schemas.js";

/** The shared schemas: `#/components/schemas/<name>` wherever they appear. */
const schemas: Record<string, GenericSchema> = {
  User: userSchema,
  Session: sessionSchema,
  AppToken: appTokenSchema,
  UserResponse: userResponseSchema,
  LoginResponse: loginResponseSchema,
  ActiveSessions: activeSessionsSchema,
  TotpSetup: totpSetupSchema,
  BackupCodes: backupCodesSchema,
  ErrorCode: errorCodeSchema,
  Problem: problemSchema,
};

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

const DESCRIPTION = `The Axor HTTP contract. Paths are relative to the mount path the host app chooses.

**Web mode** (no \`X-Requested-By\` header, or \`X-Requested-By: web\`): the session travels in an
HttpOnly cookie (default name \`axor_session\`). A cookie-authenticated state-changing request must
name the request's own origin or a trusted origin in \`Origin\` (else \`Referer\`): otherwise 403
\`CSRFFailed\`. A cookie-less request to login, register, magic-link consume or logout that names a
foreign origin is refused the same way (login CSRF).

**App mode** (\`X-Requested-By\` with any other value, e.g. \`mobile_app\`): no cookie; login,
register and magic-link consume answer with \`session: {id, key}\`, and the app sends
\`Authorization: Bearer <key>\`. Bearer requests are exempt from the CSRF check.

Every error is \`application/problem+json\` (the \`Problem\` schema); each operation lists the
codes it can answer in its responses and in \`x-axor-error-codes\`. Any path also answers 404
\`NotFound\` (unknown path) or 405 \`MethodNotAllowed\` (wrong method, with \`Allow\`), and a path
without its trailing slash is served as with it.`;

/** Where a route is documented: its table key, but a file name (`openapi.json`) has no slash. */
export function documentPath(routeKey: string): string {
  const last = routeKey.slice(0, -1).split("/").pop() ?? "";
  return last.includes(".") ? routeKey.slice(0, -1) : routeKey;
}

/** One response per status, listing its codes; the body's `code` is narrowed to them. */
function errorResponses(codes: readonly ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = errorCatalogue[code][0];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, unknown> = {};
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: group.map((code) => `\`${code}\`: ${errorCatalogue[code][1]}.`).join(" "),
      ...(status === 429 ? { headers: { "Retry-After": ref("headers", "RetryAfter") } } : {}),
      content: {
        "application/problem+json": {
          schema: {
            allOf: [ref("schemas", "Problem"), { properties: { code: { enum: group } } }],
          },
        },
      },
    };
  }
  return responses;
}

function successResponse(route: Route): Record<string, unknown> {
  const { success } = route.operation;
  const headers = route.setsCookie
    ? { headers: { "Set-Cookie": ref("headers", "SetCookie") } }
    : {};
  if (success.status === 204) return { description: success.description, ...headers };
  const schema = success.body ? jsonSchemaOf(success.body, schemas) : { type: "object" };
  return {
    description: success.description,
    ...headers,
    content: { "application/json": { schema } },
  };
}

function operationOf(method: string, route: Route): Record<string, unknown> {
  const { operation } = route;
  const codes = operationErrorCodes(method, route);
  return {
    operationId: operation.id,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    parameters: [ref("parameters", "XRequestedBy")],
    ...(route.auth ? { security: [{ sessionCookie: [] }, { bearerKey: [] }] } : {}),
    ...(operation.request
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchemaOf(operation.request, schemas) } },
          },
        }
      : {}),
    responses: {
      [String(operation.success.status)]: successResponse(route),
      ...errorResponses(codes),
    },
    "x-axor-error-codes": codes,
  };
}

/**
 * The OpenAPI 3.1 document of a route table: one operation per route, request bodies from the
 * valibot schemas the endpoints validate with, responses, and every error code each operation
 * can answer. `serverUrl` is the mount path (a relative "." when served under the mount).
 */
export function buildOpenApiDocument(
  routes: RouteTable,
  options: { serverUrl: string; version: string },
): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const [key, methods] of Object.entries(routes)) {
    const item: Record<string, Record<string, unknown>> = {};
    for (const [method, route] of Object.entries(methods)) {
      item[method.toLowerCase()] = operationOf(method, route);
    }
    paths[documentPath(key)] = item;
  }
  return {
    openapi: "3.1.0",
    info: { title: "Axor", version: options.version, description: DESCRIPTION },
    servers: [{ url: options.serverUrl, description: "The mount path of the Axor endpoints." }],
    paths,
    components: {
      schemas: Object.fromEntries(
        Object.entries(schemas).map(([name, schema]) => [
          name,
          // A component is itself: convert it without its own name among the definitions.
          jsonSchemaOf(schema, withoutEntry(schemas, name)),
        ]),
      ),
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "axor_session",
          description:
            "Web mode: the HttpOnly session cookie (its name is the `cookie.name` option).",
        },
        bearerKey: {
          type: "http",
          scheme: "bearer",
          description: "App mode: the `session.key` of the login response.",
        },
      },
      parameters: {
        XRequestedBy: {
          name: "X-Requested-By",
          in: "header",
          required: false,
          description:
            "The client mode: absent or `web` for web mode (cookie), any other value (e.g. `mobile_app`) for app mode (Bearer key).",
          schema: { type: "string" },
        },
      },
      headers: {
        RetryAfter: {
          description: "Seconds to wait before trying again.",
          schema: { type: "integer" },
        },
        SetCookie: {
          description: "Web mode only: the session cookie, set (sign-in) or cleared (logout).",
          schema: { type: "string" },
        },
      },
    },
  };
}

function withoutEntry<T>(record: Record<string, T>, name: string): Record<string, T> {
  const { [name]: _, ...rest } = record;
  return rest;
}
