const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True for text every database stores as sent: no U+0000 (PostgreSQL refuses it) and no
 * unpaired surrogate (it has no UTF-8 form, so two different strings would store alike).
 */
export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && !hasLoneSurrogate(text);
}

/** True when `text` holds an unpaired surrogate: it has no UTF-8 form of its own. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** Length in Unicode code points, as the contract's limits count it (an emoji is one). */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
