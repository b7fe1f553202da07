/** The escape character of `containsPattern`: one that needs no escaping in any SQL string. */
export const LIKE_ESCAPE = "!";

/**
 * A `LIKE` pattern matching `text` anywhere, lower-cased, with `%`, `_` and the escape character
 * taken literally (use it with `ESCAPE '!'`).
 */
export function containsPattern(text: string): string {
  const escaped = text.toLowerCase().replace(/[!%_]/g, (char) => `${LIKE_ESCAPE}${char}`);
  return `%${escaped}%`;
}
