import type { AxorRequest } from "@axor/core";
import * as v from "valibot";

/** A submitted form: field names to strings, none longer than a page needs. */
const formSchema = v.record(
  v.pipe(v.string(), v.maxLength(100)),
  v.pipe(v.string(), v.maxLength(10_000)),
);

/** The fields of a submitted form. */
export type FormFields = v.InferOutput<typeof formSchema>;

function bodyText(body: AxorRequest["body"]): string | Record<string, unknown> {
  if (body === undefined) return "";
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  const parsed = body.parsed;
  return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : "";
}

/**
 * The fields of an `application/x-www-form-urlencoded` body (raw, or already parsed by the host
 * framework); null when it is not a form the pages accept.
 */
export function readFormBody(body: AxorRequest["body"]): FormFields | null {
  const source = bodyText(body);
  const fields =
    typeof source === "string" ? Object.fromEntries(new URLSearchParams(source)) : source;
  const result = v.safeParse(formSchema, fields);
  return result.success ? result.output : null;
}
