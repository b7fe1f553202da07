import * as v from "valibot";
import { codePointLength, isStorableText } from "./text-checks.js";

const required = (kind: string) => (issue: v.BaseIssue<unknown>) =>
  issue.input === undefined ? "This field is required." : `Must be ${kind}.`;

/** A required string field (type errors say "required" when missing). */
export const requiredString = () => v.string(required("a string"));

const storable = () =>
  v.check(
    (text: string) => isStorableText(text),
    "Must not contain NUL or unpaired surrogate characters.",
  );
const notBlank = () => v.nonEmpty<string, string>("This field may not be blank.");
const maxCharacters = (max: number) =>
  v.check(
    (text: string) => codePointLength(text) <= max,
    `Ensure this field has no more than ${max} characters.`,
  );

/** An email typed at login: trimmed, lower-cased, 1..150 characters, storable. */
export const loginEmailField = v.pipe(
  requiredString(),
  v.trim(),
  v.toLowerCase(),
  notBlank(),
  storable(),
  maxCharacters(150),
);

/** An email as the contract takes it: the login normalization, and a valid address. */
export const emailField = v.pipe(loginEmailField, v.email("Enter a valid email address."));

/** A first or last name: trimmed, 1..150 characters (code points), storable. */
export const nameField = v.pipe(
  requiredString(),
  v.trim(),
  notBlank(),
  storable(),
  maxCharacters(150),
);

/** A password as typed: any non-empty string (the policy is checked separately). */
export const passwordField = v.pipe(requiredString(), notBlank());

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
