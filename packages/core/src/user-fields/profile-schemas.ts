import * as v from "valibot";
import { bodyObject, emailField, nameField, passwordField } from "../validation/fields.js";
import { optionalNameField } from "../validation/optional-name-field.js";
import type { UserFieldSet } from "./user-field-set.js";

/** Whether first and last name must be given (the `names` option). */
export type NamesRule = "required" | "optional";

/**
 * The request schemas of the bodies that carry a user's profile, for one instance: its
 * `names` rule and its declared fields. Built once by `createAxor`.
 */
export interface ProfileSchemas {
  /** `register/` and `axor.register`. */
  register: v.GenericSchema<unknown, RegisterBody>;
  /** `change_name/` and `axor.changeName`. */
  changeName: v.GenericSchema<unknown, NamesBody>;
  /** `axor.users.updateNames`: the names only. */
  names: v.GenericSchema<unknown, NamesBody>;
  /** `axor.users.create`: every declared field (missing ones take their default). */
  adminCreate: v.GenericSchema<unknown, AdminCreateBody>;
  /** `axor.users.updateFields`: every declared field (missing ones stay as they are). */
  adminFields: v.GenericSchema<unknown, Record<string, unknown>>;
}

/** A parsed names body; a name is undefined only when `names` is optional and it was not sent. */
export interface NamesBody extends Record<string, unknown> {
  first_name?: string | undefined;
  last_name?: string | undefined;
}

/** A parsed register body. */
export interface RegisterBody extends Record<string, unknown> {
  email: string;
  password: string;
  first_name: string;
  last_name: string;
}

/** A parsed `axor.users.create` body. */
export interface AdminCreateBody extends Record<string, unknown> {
  email: string;
  password?: string | undefined;
  first_name: string;
  last_name: string;
  email_verified: boolean;
  send_verification_email: boolean;
}

const flag = v.optional(v.boolean("Must be a boolean."), false);

/** Builds the schemas of one instance. With required names and no fields, they are today's. */
export function profileSchemas(fields: UserFieldSet, names: NamesRule): ProfileSchemas {
  const creating = names === "required" ? nameField : v.optional(optionalNameField, "");
  const changing = names === "required" ? nameField : v.optional(optionalNameField);
  const nameEntries = (name: typeof creating | typeof changing) => ({
    first_name: name,
    last_name: name,
  });
  return {
    register: bodyObject({
      email: emailField,
      password: passwordField,
      ...nameEntries(creating),
      ...fields.entries("register", "default"),
    }) as unknown as ProfileSchemas["register"],
    changeName: bodyObject({
      ...nameEntries(changing),
      ...fields.entries("profile", "unchanged"),
    }) as unknown as ProfileSchemas["changeName"],
    names: bodyObject(nameEntries(changing)) as unknown as ProfileSchemas["names"],
    adminCreate: bodyObject({
      email: emailField,
      password: v.optional(passwordField),
      ...nameEntries(creating),
      email_verified: flag,
      send_verification_email: flag,
      ...fields.entries("all", "default"),
    }) as unknown as ProfileSchemas["adminCreate"],
    adminFields: bodyObject(
      fields.entries("all", "unchanged"),
    ) as unknown as ProfileSchemas["adminFields"],
  };
}
