import type { AxorContext } from "../axor-context.js";
import { sha256 } from "../crypto/sha256.js";
import { AxorError } from "../errors/axor-error.js";
import type { OneTimeTokenPurpose, OneTimeTokenRecord } from "../storage/records.js";

/** Longest token accepted: real ones are 43 characters; anything far longer is not one. */
const MAX_TOKEN_LENGTH = 512;

/**
 * The `token` of a request body: 400 `TokenRequired` when it is missing, empty or not a string
 * (a body that is not an object is a `ValidationError` first, from the endpoint's schema).
 */
export function tokenOf(body: unknown): string {
  const token = (body as { token?: unknown } | null)?.token;
  if (typeof token !== "string" || token.trim() === "") throw new AxorError("TokenRequired");
  return token.trim();
}

/** The live token of `purpose`, without using it up; 400 `InvalidToken` otherwise. */
export async function findLiveToken(
  ctx: AxorContext,
  purpose: OneTimeTokenPurpose,
  token: string,
): Promise<OneTimeTokenRecord> {
  if (token.length > MAX_TOKEN_LENGTH) throw new AxorError("InvalidToken");
  const found = await ctx.storage.findOneTimeToken(sha256(token), purpose, ctx.now());
  if (!found) throw new AxorError("InvalidToken");
  return found;
}

/** Uses up the live token of `purpose`: of concurrent calls exactly one gets it; 400 `InvalidToken` for the rest. */
export async function consumeLiveToken(
  ctx: AxorContext,
  purpose: OneTimeTokenPurpose,
  token: string,
): Promise<OneTimeTokenRecord> {
  if (token.length > MAX_TOKEN_LENGTH) throw new AxorError("InvalidToken");
  const consumed = await ctx.storage.consumeOneTimeToken(sha256(token), purpose, ctx.now());
  if (!consumed) throw new AxorError("InvalidToken");
  return consumed;
}
