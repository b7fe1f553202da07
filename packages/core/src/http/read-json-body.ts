import { AxorError } from "../errors/axor-error.js";
import type { AxorRequest, ParsedBody } from "./neutral-http.js";

/**
 * The largest request body accepted: 64 KiB. Adapters stop reading just past it.
 *
 * @example
 * ```ts
 * declare const received: number; // bytes of the body read so far
 * if (received > MAX_BODY_BYTES) throw new AxorError("PayloadTooLarge"); // 413
 * ```
 */
export const MAX_BODY_BYTES = 64 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

/** JSON is UTF-8 (RFC 8259): a body labelled with any other charset is refused, not misread. */
function isUtf8(contentType: string): boolean {
  const charset = CHARSET.exec(contentType)?.[1]?.toLowerCase();
  return charset === undefined || charset === "utf-8" || charset === "utf8";
}
const decoder = new TextDecoder("utf-8", { fatal: true });

function isParsedBody(body: AxorRequest["body"]): body is ParsedBody {
  return (
    typeof body === "object" && body !== null && !(body instanceof Uint8Array) && "parsed" in body
  );
}

/** Byte size of the body, for the 64 KiB limit (413 `PayloadTooLarge`). */
export function checkBodySize(request: AxorRequest): void {
  const { body } = request;
  let size = 0;
  if (typeof body === "string") size = Buffer.byteLength(body);
  else if (body instanceof Uint8Array) size = body.byteLength;
  else if (isParsedBody(body)) size = body.size ?? 0;
  const declared = Number(request.headers["content-length"] ?? 0);
  if (size > MAX_BODY_BYTES || declared > MAX_BODY_BYTES) throw new AxorError("PayloadTooLarge");
}

/**
 * The request's JSON body. Empty: `InvalidJSON`; not JSON by content type: 415
 * `UnsupportedMediaType`; malformed: `InvalidJSON`. A body the host already parsed is taken as is.
 */
export function readJsonBody(request: AxorRequest): unknown {
  const { body } = request;
  const empty =
    body === undefined ||
    (typeof body === "string" && body.length === 0) ||
    (body instanceof Uint8Array && body.byteLength === 0) ||
    (isParsedBody(body) && body.parsed === undefined);
  if (empty)
    throw new AxorError("InvalidJSON", {
      detail: "The request body is empty; send a JSON object.",
    });
  const contentType = request.headers["content-type"] ?? "";
  if (!JSON_TYPE.test(contentType)) throw new AxorError("UnsupportedMediaType");
  if (!isUtf8(contentType)) {
    throw new AxorError("UnsupportedMediaType", { detail: "Send the JSON body as UTF-8." });
  }
  if (isParsedBody(body)) return body.parsed;
  try {
    const text = typeof body === "string" ? body : decoder.decode(body);
    return JSON.parse(text);
  } catch {
    throw new AxorError("InvalidJSON");
  }
}
