import * as v from "valibot";
import { AxorError, type FieldErrors } from "../errors/axor-error.js";

/** The field name used for problems with the body as a whole (e.g. not a JSON object). */
export const NON_FIELD_ERRORS = "non_field_errors";

/**
 * Parses `input` with a valibot schema; on failure throws 400 `ValidationError` with every
 * problem under its field name.
 */
export function parseInput<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const errors: FieldErrors = {};
  for (const issue of result.issues) {
    const field = v.getDotPath(issue) ?? NON_FIELD_ERRORS;
    errors[field] = [...(errors[field] ?? []), issue.message];
  }
  throw new AxorError("ValidationError", { errors });
}
