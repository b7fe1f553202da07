import type { UserRecord } from "./records.js";

/**
 * True when `search` is absent or empty, or occurs, ignoring case, in the user's email, first
 * name or last name: what `listUsers` means by a search, in the memory storage.
 */
export function matchesUserSearch(user: UserRecord, search: string | undefined): boolean {
  if (!search) return true;
  const needle = search.toLowerCase();
  return [user.email, user.firstName, user.lastName].some((text) =>
    text.toLowerCase().includes(needle),
  );
}
