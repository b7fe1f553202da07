import { type ConversionConfig, type JsonSchema, toJsonSchema } from "@valibot/to-json-schema";
import type { GenericSchema } from "valibot";

/**
 * The actions of the request schemas that JSON Schema cannot say: they change the value
 * (trim, lower-case, drop spaces) or check it by code (code-point length, storable text).
 * They add no keyword; any other action JSON Schema lacks still throws.
 */
const VALUE_ACTIONS = new Set(["trim", "to_lower_case", "transform", "check"]);

/** The schemas for OpenAPI 3.1 (JSON Schema 2020-12), shared ones as component refs. */
export function jsonSchemaOf(
  schema: GenericSchema,
  components: Record<string, GenericSchema> = {},
): JsonSchema {
  const config: ConversionConfig = {
    target: "draft-2020-12",
    definitions: components,
    overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
    overrideAction: ({ valibotAction, jsonSchema }) =>
      VALUE_ACTIONS.has(valibotAction.type) ? jsonSchema : undefined,
    // A one-time token is taken as any JSON value so that a missing or empty one answers
    // 400 TokenRequired rather than a ValidationError: it is documented as what to send.
    overrideSchema: ({ valibotSchema }) =>
      valibotSchema.type === "unknown"
        ? {
            type: "string",
            description: "The one-time token of an email link (missing or empty: TokenRequired).",
          }
        : undefined,
  };
  const converted = toJsonSchema(schema, config);
  // Definitions used by the schema are the document's components: no local $defs.
  const { $schema: _, $defs: __, ...rest } = converted;
  return rest;
}
