import { EmailTakenError, type UserStorage } from "@axor/core/storage";
import { eq } from "drizzle-orm";
import type { Database } from "../database.js";
import { users } from "../schema.js";
import { isUniqueViolation } from "./postgres-errors.js";

/** Users on Drizzle. The selected rows already have `UserRecord`'s shape: no mapping needed. */
export function userStorage(db: Database): UserStorage {
  return {
    async createUser(user) {
      // ON CONFLICT DO NOTHING on the unique email: of concurrent inserts one gets the row,
      // the others get nothing back, with no error to parse and no transaction aborted.
      const [created] = await db
        .insert(users)
        .values({ ...user, totpEnabled: user.totpEnabled ?? false })
        .onConflictDoNothing({ target: users.email })
        .returning();
      if (!created) throw new EmailTakenError(user.email);
      return created;
    },
    async getUserById(id) {
      const [user] = await db.select().from(users).where(eq(users.id, id));
      return user ?? null;
    },
    async getUserByEmail(email) {
      const [user] = await db.select().from(users).where(eq(users.email, email));
      return user ?? null;
    },
    async updateUser(id, patch) {
      try {
        // Drizzle's set() leaves out undefined fields: an undefined patch field changes nothing.
        const [user] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
        return user ?? null;
      } catch (error) {
        if (isUniqueViolation(error)) throw new EmailTakenError(patch.email ?? "");
        throw error;
      }
    },
  };
}
