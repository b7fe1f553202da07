import { EmailTakenError, type StorageAdapter } from "@axor/core/storage";
import type { StorageContext } from "../storage-context.js";
import { isUniqueViolation } from "../unique-violation.js";
import {
  newUserRow,
  USER_COLUMNS,
  type UserRow,
  userFromRow,
  userPatchColumns,
} from "../user-row.js";

type UserVerbs = Pick<
  StorageAdapter,
  "createUser" | "getUserById" | "getUserByEmail" | "updateUser"
>;

/** Users: the unique email is the database's unique index; a violation is `EmailTakenError`. */
export function userVerbs({ db, flavor, tables }: StorageContext): UserVerbs {
  const findUser = async (column: "id" | "email", value: string) => {
    const row = await db
      .selectFrom(tables.users)
      .select(USER_COLUMNS)
      .where(column, "=", value)
      .executeTakeFirst();
    return row ? userFromRow(row as UserRow) : null;
  };

  return {
    async createUser(user) {
      const row = newUserRow(flavor, user);
      try {
        await db.insertInto(tables.users).values(row).execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new EmailTakenError(user.email);
        throw error;
      }
      return userFromRow(row as UserRow);
    },

    getUserById: (id) => findUser("id", id),
    getUserByEmail: (email) => findUser("email", email),

    async updateUser(id, patch) {
      try {
        await db
          .updateTable(tables.users)
          .set(userPatchColumns(flavor, patch))
          .where("id", "=", id)
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new EmailTakenError(patch.email ?? "");
        throw error;
      }
      return findUser("id", id);
    },
  };
}
