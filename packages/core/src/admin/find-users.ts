import * as v from "valibot";
import { toUser } from "../api/api-object-mappers.js";
import type { User } from "../api/api-objects.js";
import type { AxorContext } from "../axor-context.js";
import { bodyObject, loginEmailField } from "../validation/fields.js";
import { parseInput } from "../validation/parse-input.js";
import { isStorableText } from "../validation/text-checks.js";
import { limitField, offsetField } from "./admin-fields.js";
import { userAdminStorage } from "./admin-parts.js";
import type { UserList } from "./admin-types.js";
import { parseUserId } from "./admin-user.js";

const emailSchema = bodyObject({ email: loginEmailField });

const listSchema = v.object(
  {
    search: v.optional(
      v.pipe(
        v.string("Must be a string."),
        v.trim(),
        v.maxLength(150, "Ensure this field has no more than 150 characters."),
        v.check(isStorableText, "Must not contain NUL or unpaired surrogate characters."),
      ),
    ),
    offset: offsetField,
    limit: limitField,
  },
  "The query must be an object.",
);

/** `axor.users.get`: the user with this id, or null. */
export async function getUser(ctx: AxorContext, id: unknown): Promise<User | null> {
  const user = await ctx.storage.getUserById(parseUserId(id));
  return user ? toUser(user, ctx.userFields) : null;
}

/** `axor.users.getByEmail`: the address normalized as at login, then looked up. */
export async function getUserByEmail(ctx: AxorContext, email: unknown): Promise<User | null> {
  const user = await ctx.storage.getUserByEmail(parseInput(emailSchema, { email }).email);
  return user ? toUser(user, ctx.userFields) : null;
}

/** `axor.users.list`: one page, oldest first, and the total that match. */
export async function listUsers(ctx: AxorContext, query: unknown = {}): Promise<UserList> {
  const { search, offset, limit } = parseInput(listSchema, query);
  const storage = userAdminStorage(ctx, "axor.users.list");
  const page = await storage.listUsers({ search: search || undefined, offset, limit });
  return {
    users: page.users.map((user) => toUser(user, ctx.userFields)),
    total: page.total,
    offset,
    limit,
  };
}
