import fc from "fast-check";

/** Stand-ins for the fixture account's real values, put in when the case is sent. */
export const ACCOUNT_VALUES = ["$email", "$password", "$token_id"] as const;

/** How a case authenticates: not at all, with the account's real credentials, or with junk. */
export type FuzzCredential =
  | { kind: "none" | "bearer" | "cookie" | "both" }
  | { kind: "authorization" | "cookie-header"; raw: string };

/** A body: JSON of a value, text sent as is, raw bytes, or none. */
export type FuzzBody =
  | { kind: "json"; value: unknown }
  | { kind: "text"; text: string }
  | { kind: "bytes"; bytes: Uint8Array }
  | { kind: "none" };

/** One generated request, relative to the mount. */
export interface FuzzCase {
  method: string;
  path: string;
  contentType: string | undefined;
  requestedBy: string | undefined;
  /** "own" is the server's origin. */
  origin: string | undefined;
  credential: FuzzCredential;
  headers: Record<string, string>;
  body: FuzzBody;
  ip: string;
  protocol: "http" | "https";
}

/** Strings that break naive code: empty, NUL, lone surrogates, huge, look-alikes of syntax. */
const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b@example.com",
    "\ud800",
    "\u202e",
    "ÉÇÖ@EXAMPLE.COM",
    "🙂".repeat(100),
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "__proto__",
    "constructor",
    "123456",
    "0000-0000",
    "%00",
  ),
  fc.integer({ min: 0, max: 70_000 }).map((n) => "x".repeat(n)),
  fc.emailAddress(),
  fc.emailAddress().map((email) => ` ${email.toUpperCase()} `),
);

const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: oddString },
  { weight: 3, arbitrary: fc.constantFrom(...ACCOUNT_VALUES) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.object({ maxDepth: 2 }),
    ),
  },
);

function bodyOf(fields: readonly string[]): fc.Arbitrary<FuzzBody> {
  const shaped = fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((name) => [name, fieldValue])), {
        requiredKeys: [],
      }),
      fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    )
    .map(([known, extra]): FuzzBody => ({ kind: "json", value: { ...extra, ...known } }));
  return fc.oneof(
    { weight: 8, arbitrary: shaped },
    { weight: 1, arbitrary: fc.jsonValue().map((value): FuzzBody => ({ kind: "json", value })) },
    { weight: 1, arbitrary: oddString.map((text): FuzzBody => ({ kind: "text", text })) },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 64 })
        .map((bytes): FuzzBody => ({ kind: "bytes", bytes })),
    },
    { weight: 1, arbitrary: fc.constant<FuzzBody>({ kind: "none" }) },
  );
}

function pathOf(path: string): fc.Arbitrary<string> {
  const bare = path.slice(0, -1);
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(path) },
    { weight: 1, arbitrary: fc.constant(bare) },
    { weight: 1, arbitrary: fc.string().map((query) => `${path}?${encodeURIComponent(query)}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        path.toUpperCase(),
        `${path}x/`,
        `/%2e%2e${path}`,
        `/.${path}`,
        `${bare}%2f`,
        `${path}%`,
        `${path}%zz`,
        `/${encodeURIComponent(path.slice(1))}`,
        `//${path.slice(1)}`,
      ),
    },
    { weight: 1, arbitrary: fc.webPath() },
  );
}

const methodOf = (method: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(method) },
    {
      weight: 2,
      arbitrary: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"),
    },
    { weight: 1, arbitrary: fc.constantFrom("TRACE", "PROPFIND", "QUERY", "M-SEARCH", "post") },
  );

const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 10, arbitrary: fc.constant("application/json") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      undefined,
      "",
      "json",
      "application/json; charset=utf-8",
      "application/json; charset=latin1",
      "application/problem+json",
      "application/json, text/html",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "APPLICATION/JSON",
      "application/json;;",
      "/",
    ),
  },
  { weight: 1, arbitrary: fc.string() },
);

const credential: fc.Arbitrary<FuzzCredential> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .constantFrom("none", "bearer", "cookie", "both")
      .map((kind) => ({ kind }) as FuzzCredential),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.string().map((raw) => `Bearer ${raw}`),
        fc.constantFrom("Bearer", "Bearer ", "bearer x", "Basic YTpi", "Bearer a b", "Token x"),
        fc.string(),
      )
      .map((raw): FuzzCredential => ({ kind: "authorization", raw })),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.string().map((raw) => `axor_session=${raw}`),
        fc.constantFrom(
          "axor_session=",
          "axor_session=%",
          "axor_session=%E0%A4%A",
          'axor_session="unterminated',
          "axor_session=a; axor_session=b",
          ";;;=;=",
          "=",
        ),
        fc.string(),
      )
      .map((raw): FuzzCredential => ({ kind: "cookie-header", raw })),
  },
);

const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);

const oddHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        "x-forwarded-for": fc.oneof(fc.ipV4(), fc.string()),
        "x-forwarded-proto": fc.constantFrom("https", "http", "ftp", ""),
        referer: fc.oneof(fc.webUrl(), fc.string()),
        "user-agent": fc.oneof(
          fc.string(),
          fc.integer({ min: 0, max: 8_000 }).map((n) => "u".repeat(n)),
        ),
        "content-length": fc.constantFrom("0", "-1", "abc", "1e9", "99999999999999999999"),
        host: fc.oneof(fc.domain(), fc.string()),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.dictionary(headerName, fc.string(), { maxKeys: 4 }) },
);

/** Every sort of request to the endpoint at `path` whose method is `method`. */
export function fuzzCase(
  path: string,
  method: string,
  fields: readonly string[],
): fc.Arbitrary<FuzzCase> {
  return fc.record({
    method: methodOf(method),
    path: pathOf(path),
    contentType,
    requestedBy: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(undefined, "web", "mobile_app") },
      { weight: 1, arbitrary: fc.string() },
    ),
    origin: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(undefined, "own") },
      { weight: 1, arbitrary: fc.constantFrom("http://evil.example", "null", "") },
      { weight: 1, arbitrary: fc.string() },
    ),
    credential,
    headers: oddHeaders,
    body: bodyOf(fields),
    ip: fc.oneof(fc.ipV4(), fc.ipV6()),
    protocol: fc.constantFrom("http", "https"),
  });
}
