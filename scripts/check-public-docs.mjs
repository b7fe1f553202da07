#!/usr/bin/env node
// Checks that every callable entry point has a JSDoc @example: each export of each package entry
// point (tsconfig.json's paths) that can be called, such as factories, middleware and guards
// (functions, and constants holding one), and each method of the exported `Axor` interface.
// Types, interfaces, classes and other constants need none. Run by `pnpm lint`; prints each
// entry point that lacks one and exits 1.
import path from "node:path";
import ts from "typescript";
import { packageEntryPoints } from "./package-entry-points.mjs";

const entries = packageEntryPoints().map(({ file }) => file);
const program = ts.createProgram(entries, {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const isCallable = (symbol) => checker.getTypeOfSymbol(symbol).getCallSignatures().length > 0;
const hasExample = (symbol) =>
  (symbol.declarations ?? []).some((declaration) =>
    ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === "example"),
  );
/** Where `symbol` is declared, as `file:line: name`. */
const at = (symbol, name) => {
  const declaration = symbol.declarations?.[0];
  if (!declaration) return name;
  const source = declaration.getSourceFile();
  const line = source.getLineAndCharacterOfPosition(declaration.getStart()).line + 1;
  return `${path.relative(process.cwd(), source.fileName)}:${line}: ${name}`;
};
const missing = new Set(); // an entry point re-exported twice is reported once

for (const entry of entries) {
  const source = program.getSourceFile(entry);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) continue;
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (exported.name === "Axor" && symbol.flags & ts.SymbolFlags.Interface) {
      for (const method of checker.getDeclaredTypeOfSymbol(symbol).getProperties()) {
        if (isCallable(method) && !hasExample(method))
          missing.add(at(method, `Axor.${method.name}`));
      }
    }
    const isFunction =
      symbol.flags & ts.SymbolFlags.Value &&
      !(symbol.flags & ts.SymbolFlags.Class) &&
      isCallable(symbol);
    if (isFunction && !hasExample(symbol)) missing.add(at(symbol, exported.name));
  }
}

if (missing.size > 0) {
  console.error(
    `Callable entry points without JSDoc @example (${missing.size}):\n  ${[...missing].join("\n  ")}`,
  );
  process.exit(1);
}
console.log(
  `check-public-docs: every exported function of ${entries.length} entry points, and every Axor method, has an example`,
);
