import type { OneTimeTokenPurpose, OneTimeTokenStorage } from "@axor/core/storage";
import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../database.js";
import { oneTimeTokens } from "../schema.js";

/** The live token of `tokenHash` for `purpose`. */
const liveToken = (tokenHash: string, purpose: OneTimeTokenPurpose, now: Date) =>
  and(
    eq(oneTimeTokens.tokenHash, tokenHash),
    eq(oneTimeTokens.purpose, purpose),
    gt(oneTimeTokens.expireAt, now),
  );

/** Email verification, password reset and magic-link tokens on Drizzle. */
export function oneTimeTokenStorage(db: Database): OneTimeTokenStorage {
  return {
    async createOneTimeToken(token) {
      await db.insert(oneTimeTokens).values(token);
    },
    async findOneTimeToken(tokenHash, purpose, now) {
      const [token] = await db
        .select()
        .from(oneTimeTokens)
        .where(liveToken(tokenHash, purpose, now));
      return token ?? null;
    },
    async consumeOneTimeToken(tokenHash, purpose, now) {
      // DELETE ... RETURNING: the row lock lets exactly one of concurrent calls delete it.
      const [token] = await db
        .delete(oneTimeTokens)
        .where(liveToken(tokenHash, purpose, now))
        .returning();
      return token ?? null;
    },
    async deleteOneTimeTokens(userId, purpose) {
      await db
        .delete(oneTimeTokens)
        .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose)));
    },
  };
}
