import * as v from "valibot";

const required = (kind: string) => (issue: v.BaseIssue<unknown>) =>
  issue.input === undefined ? "This field is required." : `Must be ${kind}.`;

/** A required string field (type errors say "required" when missing). */
export const requiredString = () => v.string(required("a string"));

/** An email as the contract takes it: trimmed, lower-cased, at most 150 characters, valid. */
export const emailField = v.pipe(
  requiredString(),
  v.trim(),
  v.toLowerCase(),
  v.nonEmpty("This field may not be blank."),
  v.maxLength(150, "Ensure this field has no more than 150 characters."),
  v.email("Enter a valid email address."),
);

/** An email typed at login: the same normalization, no format check (it only has to match). */
export const loginEmailField = v.pipe(
  requiredString(),
  v.trim(),
  v.toLowerCase(),
  v.nonEmpty("This field may not be blank."),
  v.maxLength(150, "Ensure this field has no more than 150 characters."),
);

/** A first or last name: trimmed, 1..150 characters. */
export const nameField = v.pipe(
  requiredString(),
  v.trim(),
  v.nonEmpty("This field may not be blank."),
  v.maxLength(150, "Ensure this field has no more than 150 characters."),
);

/** A password as typed: any non-empty string (the policy is checked separately). */
export const passwordField = v.pipe(requiredString(), v.nonEmpty("This field may not be blank."));

/**
 * The request body must be a JSON object. (valibot reports a missing key with the object's
 * message, and the missing value as `input`: hence the message function.)
 */
export const bodyObject = <TEntries extends v.ObjectEntries>(entries: TEntries) =>
  v.object(entries, (issue) =>
    issue.input === undefined
      ? "This field is required."
      : "The request body must be a JSON object.",
  );
