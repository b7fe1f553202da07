// Finds the fenced code blocks of Markdown files and of JSDoc `@example`s in TypeScript sources.
// A block is { file, line, lang, noCheck, code }: `line` is the 1-based line of the block's first
// code line in `file`, so a compiler error on the block's line n is at `line + n - 1` there.
import { readFileSync } from "node:fs";

const FENCE = /^(\s*)```\s*([\w-]*)\s*(.*)$/;

/**
 * The fenced blocks of Markdown lines, whose first line is line `firstLine` of `file`.
 * `inExample(index)` says whether a fence opening at that line index counts (JSDoc: under `@example`).
 */
function blocksOfLines(file, lines, firstLine, inExample = () => true) {
  const blocks = [];
  let open = null;
  lines.forEach((text, index) => {
    const fence = FENCE.exec(text);
    if (open === null) {
      if (fence && inExample(index)) {
        const [, indent = "", lang = "", info = ""] = fence;
        open = {
          indent,
          lang,
          noCheck: info.split(/\s+/).includes("nocheck"),
          start: index,
          code: [],
        };
      }
    } else if (fence && fence[2] === "" && fence[3] === "") {
      const { lang, noCheck, start, code } = open;
      blocks.push({ file, line: firstLine + start + 1, lang, noCheck, code: code.join("\n") });
      open = null;
    } else {
      open.code.push(
        text.startsWith(open.indent) ? text.slice(open.indent.length) : text.trimStart(),
      );
    }
  });
  return blocks;
}

/** The fenced blocks of a Markdown file. */
export function markdownCodeBlocks(file) {
  return blocksOfLines(file, readFileSync(file, "utf8").split("\n"), 1);
}

/** The fenced blocks under an `@example` tag of the JSDoc comments of a TypeScript file. */
export function jsDocExampleCodeBlocks(file) {
  const lines = readFileSync(file, "utf8").split("\n");
  const blocks = [];
  let comment = null; // { start, lines } while inside a /** ... */ comment
  lines.forEach((text, index) => {
    if (comment === null && /^\s*\/\*\*/.test(text)) comment = { start: index, lines: [] };
    if (comment === null) return;
    comment.lines.push(text.replace(/^\s*(\/\*\*|\*\/|\*)? ?/, "").replace(/\s*\*\/\s*$/, ""));
    if (!text.includes("*/")) return;
    const { start, lines: body } = comment;
    let tag = null;
    const tagAt = body.map((line) => {
      const found = /^@(\w+)/.exec(line);
      if (found) tag = found[1];
      return tag;
    });
    blocks.push(...blocksOfLines(file, body, start + 1, (i) => tagAt[i] === "example"));
    comment = null;
  });
  return blocks;
}
