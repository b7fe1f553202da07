#!/usr/bin/env node
// Checks that every public export of every package has JSDoc with an @example.
// Run by `pnpm lint`; prints each export that lacks one and exits 1.
import { readdirSync } from "node:fs";
import ts from "typescript";

const entries = readdirSync("packages").map((name) => `packages/${name}/src/index.ts`);
const program = ts.createProgram(entries, {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const missing = [];

for (const entry of entries) {
  const source = program.getSourceFile(entry);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) continue;
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const documented = (symbol.declarations ?? []).some((declaration) =>
      ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === "example"),
    );
    if (!documented) missing.push(`${entry}: ${exported.name}`);
  }
}

if (missing.length > 0) {
  console.error(
    `Public exports without JSDoc @example (${missing.length}):\n  ${missing.join("\n  ")}`,
  );
  process.exit(1);
}
console.log(`check-public-docs: every public export of ${entries.length} packages has an example`);
