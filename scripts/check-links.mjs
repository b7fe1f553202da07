#!/usr/bin/env node
// Checks the internal links of README.md and docs/*.md: every relative link must name a file
// that exists, and every #anchor a heading (GitHub's slugs) or an HTML id/name of the target
// page. External links (a scheme such as https:) are not fetched. Markdown is parsed with
// markdown-it, so links inside code are not links. Run by `pnpm lint`; prints each dead link
// as `file:line: target` and exits 1.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import GithubSlugger from "github-slugger";
import MarkdownIt from "markdown-it";

const markdown = new MarkdownIt({ html: true });
const pages = [
  "README.md",
  ...readdirSync("docs")
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];
const HTML_ID = /<[^>]+\s(?:id|name)="([^"]+)"/g;

/** Every token of a page, nested ones (inline children) included, with its 1-based line. */
function tokensOf(file) {
  const all = [];
  const walk = (tokens, line) => {
    for (const token of tokens) {
      const at = token.map ? token.map[0] + 1 : line;
      all.push({ token, line: at });
      if (token.children) walk(token.children, at);
    }
  };
  walk(markdown.parse(readFileSync(file, "utf8"), {}), 1);
  return all;
}

const anchorCache = new Map();
/** The anchors of a Markdown page: its headings' slugs and any HTML id or name. */
function anchorsOf(file) {
  if (anchorCache.has(file)) return anchorCache.get(file);
  const slugger = new GithubSlugger();
  const anchors = new Set();
  const tokens = markdown.parse(readFileSync(file, "utf8"), {});
  tokens.forEach((token, index) => {
    if (token.type === "heading_open") {
      const text = (tokens[index + 1]?.children ?? [])
        .filter((child) => child.type === "text" || child.type === "code_inline")
        .map((child) => child.content)
        .join("");
      anchors.add(slugger.slug(text));
    }
    if (token.type === "html_block" || token.type === "html_inline" || token.type === "inline") {
      for (const match of token.content.matchAll(HTML_ID)) anchors.add(match[1]);
    }
  });
  anchorCache.set(file, anchors);
  return anchors;
}

/** Why `target`, linked from `file`, is dead; null when it is fine or external. */
function problemOf(file, target) {
  if (/^[a-z][a-z\d+.-]*:/i.test(target) || target.startsWith("//")) return null;
  const [rawPath = "", rawAnchor] = target.split("#", 2);
  const targetPath = decodeURIComponent(rawPath);
  const resolved = targetPath === "" ? file : path.join(path.dirname(file), targetPath);
  if (!existsSync(resolved)) return "no such file";
  if (rawAnchor === undefined || rawAnchor === "") return null;
  if (statSync(resolved).isDirectory() || !resolved.endsWith(".md")) return null;
  const anchor = decodeURIComponent(rawAnchor);
  return anchorsOf(resolved).has(anchor) ? null : `no heading #${anchor} in ${resolved}`;
}

const dead = [];
let checked = 0;
for (const file of pages) {
  for (const { token, line } of tokensOf(file)) {
    const href =
      token.type === "link_open"
        ? token.attrGet("href")
        : token.type === "image"
          ? token.attrGet("src")
          : null;
    if (!href) continue;
    checked++;
    const problem = problemOf(file, href);
    if (problem) dead.push(`${file}:${line}: ${href} (${problem})`);
  }
}
if (dead.length > 0) {
  console.error(`check-links: ${dead.length} dead internal links:\n${dead.join("\n")}`);
  process.exit(1);
}
console.log(`check-links: ${checked} links of ${pages.length} pages checked, none dead`);
