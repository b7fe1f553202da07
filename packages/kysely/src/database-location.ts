import { fileURLToPath } from "node:url";

/** Where `openDatabase` should connect, read from the string it was given. */
export type DatabaseLocation =
  | { dialect: "sqlite"; path: string }
  | { dialect: "postgres"; url: string }
  | { dialect: "mysql"; url: string };

const URL_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const EXPECTED =
  'expected a SQLite file path, ":memory:", a postgres:// (postgresql://) URL or a mysql:// (mariadb://) URL';

/**
 * Reads a database string: `postgres://`/`postgresql://` and `mysql://`/`mariadb://` URLs, a
 * `file://` URL, `":memory:"`, or else a SQLite file path. Errors name what the value looked
 * like, never the value itself (it may hold a password).
 */
export function parseDatabaseLocation(value: string): DatabaseLocation {
  if (typeof value !== "string") {
    throw new TypeError(`Invalid database: ${EXPECTED}; got a value of type ${typeof value}`);
  }
  const text = value.trim();
  if (text === "") throw new Error(`Invalid database: ${EXPECTED}; got an empty string`);
  const scheme = URL_SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return { dialect: "sqlite", path: text };

  const url = parseUrl(text, scheme);
  switch (scheme) {
    case "postgres":
    case "postgresql":
      return { dialect: "postgres", url: text };
    case "mysql":
    case "mariadb":
      return { dialect: "mysql", url: text };
    case "file":
      return { dialect: "sqlite", path: fileURLToPath(url) };
    default:
      throw new Error(`Unsupported database: a ${scheme}:// URL; ${EXPECTED}`);
  }
}

function parseUrl(text: string, scheme: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new Error(`Invalid database: a malformed ${scheme}:// URL; ${EXPECTED}`);
  }
}
