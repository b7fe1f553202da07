import * as v from "valibot";
import { requiredString } from "../validation/fields.js";
import { isStorableText } from "../validation/text-checks.js";

/** A user id as the admin API takes it: a non-blank string of at most 36 characters. */
export const userIdField = v.pipe(
  requiredString(),
  v.nonEmpty("This field may not be blank."),
  v.maxLength(36, "Ensure this field has no more than 36 characters."),
  v.check(isStorableText, "Must not contain NUL or unpaired surrogate characters."),
);

/** How many to skip: a whole number, 0 or more; default 0. */
export const offsetField = v.optional(
  v.pipe(
    v.number("Must be a number."),
    v.integer("Must be a whole number."),
    v.minValue(0, "Ensure this value is greater than or equal to 0."),
  ),
  0,
);

/** The largest page the admin API hands out. */
export const MAX_PAGE_SIZE = 1000;

/** A page size: a whole number from 1 to 1000; default 50. */
export const limitField = v.optional(
  v.pipe(
    v.number("Must be a number."),
    v.integer("Must be a whole number."),
    v.minValue(1, "Ensure this value is greater than or equal to 1."),
    v.maxValue(MAX_PAGE_SIZE, `Ensure this value is less than or equal to ${MAX_PAGE_SIZE}.`),
  ),
  50,
);

/** An optional instant, as a `Date`. */
export const instantField = v.optional(v.pipe(v.date("Must be a valid Date.")));
