/** A path is same-origin and relative: "/x", never "//x", "/\x", "https:..." or a control character. */
function isLocalPath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//")) return false;
  if (path.includes("\\")) return false;
  if (/[\u0000-\u001f\u007f]/.test(path)) return false;
  const probe = "http://axor.invalid";
  try {
    return new URL(path, probe).origin === probe;
  } catch {
    return false;
  }
}

/**
 * `value` when it is a same-origin relative path (also once percent-decoded, so encoded `//`
 * or `\` are refused), else `fallback`: what the pages do with `?redirect=`.
 *
 * @example
 * ```ts
 * safeRedirect("/notes?tab=2", "/"); // "/notes?tab=2"
 * safeRedirect("//evil.example/", "/"); // "/"
 * safeRedirect("/%2F%2Fevil.example", "/"); // "/"
 * ```
 */
export function safeRedirect(value: string | null | undefined, fallback: string): string {
  if (!value || value.length > 2000 || !isLocalPath(value)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  return isLocalPath(decoded) ? value : fallback;
}
