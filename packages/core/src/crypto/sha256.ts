import * as crypto from "node:crypto";

type OneShotHash = (algorithm: string, data: string, encoding: "hex") => string;

/** Node's one-shot `crypto.hash` (20.12+ and 21.7+) skips the Hash object: ~40% faster. */
const oneShot = (crypto as { hash?: OneShotHash }).hash;

/** Hex SHA-256 of a key or token: the only form in which storage ever sees one. */
export const sha256: (value: string) => string = oneShot
  ? (value) => oneShot("sha256", value, "hex")
  : (value) => crypto.createHash("sha256").update(value).digest("hex");
