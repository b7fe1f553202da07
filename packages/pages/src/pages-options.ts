import * as v from "valibot";
import { defaultLabels, type PageLabels } from "./default-labels.js";

const colour = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{3,8}$/, "a hex colour such as #1f6feb"));
const text = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
const localPath = v.pipe(v.string(), v.regex(/^\/(?![/\\])/, "a path starting with one /"));
const logoUrl = v.union([v.pipe(v.string(), v.url(), v.startsWith("https://")), localPath]);

/** The options schema of `axorPages`. */
export const pagesOptionsSchema = v.strictObject({
  appName: v.optional(text),
  logoUrl: v.optional(logoUrl),
  colors: v.optional(
    v.strictObject({
      primary: v.optional(colour, "#1f6feb"),
      background: v.optional(colour, "#f6f8fa"),
      text: v.optional(colour, "#1f2328"),
    }),
    {},
  ),
  labels: v.optional(
    v.strictObject(
      Object.fromEntries(Object.keys(defaultLabels).map((key) => [key, v.optional(text)])) as {
        [K in keyof PageLabels]: v.OptionalSchema<typeof text, undefined>;
      },
    ),
    {},
  ),
  features: v.optional(
    v.strictObject({
      register: v.optional(v.boolean(), true),
      magicLink: v.optional(v.boolean(), true),
      forgotPassword: v.optional(v.boolean(), true),
      totp: v.optional(v.boolean(), true),
    }),
    {},
  ),
  afterSignIn: v.optional(localPath),
});

/**
 * Options of `axorPages`: every one optional.
 *
 * @example
 * ```ts
 * const options: PagesOptions = {
 *   appName: "Notes",
 *   logoUrl: "/static/logo.svg",
 *   colors: { primary: "#0a7d38" },
 *   labels: { signInTitle: "Welcome back" },
 *   features: { register: false },
 *   afterSignIn: "/notes",
 * };
 * ```
 */
export interface PagesOptions {
  /** The name in titles and headings. Default: the core's `appName`. */
  appName?: string;
  /** A logo above each form: an https URL or a path on this site. Default none. */
  logoUrl?: string;
  /** Hex colours of buttons and links, the background and the text. */
  colors?: { primary?: string; background?: string; text?: string };
  /** Replaces any of the texts (see `defaultLabels`). */
  labels?: Partial<PageLabels>;
  /** False turns a page off (404) and hides its links. Default all true. */
  features?: { register?: boolean; magicLink?: boolean; forgotPassword?: boolean; totp?: boolean };
  /** Where a sign-in lands without a `?redirect=`: a path on this site. Default the account page. */
  afterSignIn?: string;
}

/** The options with every default filled in. */
export interface ResolvedPagesOptions {
  appName: string;
  logoUrl: string | undefined;
  colors: { primary: string; background: string; text: string };
  labels: PageLabels;
  features: { register: boolean; magicLink: boolean; forgotPassword: boolean; totp: boolean };
  afterSignIn: string | undefined;
}

/** Validates the options (throws a message naming the bad option) and fills in defaults. */
export function resolvePagesOptions(
  options: PagesOptions,
  coreAppName: string,
): ResolvedPagesOptions {
  const result = v.safeParse(pagesOptionsSchema, options);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((item) => String(item.key)).join(".") ?? "";
    throw new Error(`Invalid @axor/pages option "${path}": ${issue.message}`);
  }
  const labels = Object.fromEntries(
    Object.entries(result.output.labels).filter(([, value]) => value !== undefined),
  );
  return {
    appName: result.output.appName ?? coreAppName,
    logoUrl: result.output.logoUrl,
    colors: result.output.colors,
    labels: { ...defaultLabels, ...labels },
    features: result.output.features,
    afterSignIn: result.output.afterSignIn,
  };
}
