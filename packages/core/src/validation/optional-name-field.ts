import * as v from "valibot";
import { requiredString } from "./fields.js";
import { codePointLength, isStorableText } from "./text-checks.js";

/**
 * A first or last name when the `names` option is `"optional"`: trimmed, 0..150 characters
 * (code points), storable; empty is allowed.
 */
export const optionalNameField = v.pipe(
  requiredString(),
  v.trim(),
  v.check(isStorableText, "Must not contain NUL or unpaired surrogate characters."),
  v.check(
    (text: string) => codePointLength(text) <= 150,
    "Ensure this field has no more than 150 characters.",
  ),
);
