import type { JsonSchema } from "@valibot/to-json-schema";
import type { NamesRule } from "../user-fields/profile-schemas.js";
import type { ResolvedUserField, UserFieldSet } from "../user-fields/user-field-set.js";
import { jsonSchemaOf } from "./json-schema.js";
import type { OpenApiDocument } from "./openapi-document.js";

/** A JSON Schema object as this module edits it. */
interface ObjectSchema {
  properties?: Record<string, unknown>;
  required?: string[];
}

/**
 * A field's schema in JSON Schema; `{}` (any value) when valibot's converter cannot express it
 * (a custom schema, say), so a declaration never breaks the document.
 */
function fieldJsonSchema(field: ResolvedUserField): JsonSchema {
  let schema: JsonSchema;
  try {
    schema = jsonSchemaOf(field.schema);
  } catch {
    schema = {};
  }
  return field.description ? { ...schema, description: field.description } : schema;
}

function requestSchema(
  document: OpenApiDocument,
  path: string,
  method: string,
): ObjectSchema | undefined {
  const body = document.paths[path]?.[method]?.requestBody as
    | { content: Record<string, { schema: ObjectSchema }> }
    | undefined;
  return body?.content["application/json"]?.schema;
}

/** Makes first_name and last_name optional and blank-able in a request schema. */
function optionalNames(schema: ObjectSchema): void {
  for (const name of ["first_name", "last_name"]) {
    const property = schema.properties?.[name] as Record<string, unknown> | undefined;
    if (property) delete property.minLength;
  }
  schema.required = schema.required?.filter(
    (name) => name !== "first_name" && name !== "last_name",
  );
}

/**
 * The document of an instance with `userFields` or `names: "optional"`: the User component
 * gains the declared fields (required: every user has a value), `register/` takes the fields
 * flagged `register` and `change_name/` those flagged `profile` (optional; a missing one takes
 * its `default` at register, stays as it is at change_name), and with optional names neither
 * body requires a name. The default document (no fields, required names) is left as it is.
 */
export function withUserFields(
  base: OpenApiDocument,
  fields: UserFieldSet,
  names: NamesRule,
): OpenApiDocument {
  if (fields.names.length === 0 && names === "required") return base;
  const document = structuredClone(base);
  const user = document.components.schemas?.User as ObjectSchema;
  const register = requestSchema(document, "/register/", "post");
  const changeName = requestSchema(document, "/change_name/", "put");
  for (const name of fields.names) {
    const field = fields.declarations[name] as ResolvedUserField;
    const schema = fieldJsonSchema(field);
    user.properties = { ...user.properties, [name]: schema };
    user.required = [...(user.required ?? []), name];
    if (field.register && register) {
      register.properties = {
        ...register.properties,
        [name]: { ...schema, default: field.default },
      };
    }
    if (field.profile && changeName) {
      changeName.properties = { ...changeName.properties, [name]: schema };
    }
  }
  if (names === "optional") {
    if (register) optionalNames(register);
    if (changeName) optionalNames(changeName);
  }
  return document;
}
