// The exports of a module, read from a TypeScript program.
import ts from "typescript";

/**
 * Every export of `fileName` in `program`, as [{ name, isValue, id }]. `isValue` is false for
 * types, interfaces and `export type`s, which a snippet must import with `import type`; `id`
 * names the declaration, the same for one thing re-exported from several entry points.
 */
export function moduleExports(program, fileName) {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(fileName);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) return [];
  return checker.getExportsOfModule(module).map((exported) => {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const typeOnly = (exported.declarations ?? []).some(ts.isTypeOnlyImportOrExportDeclaration);
    const declaration = symbol.declarations?.[0];
    return {
      name: exported.name,
      isValue: !typeOnly && (symbol.flags & ts.SymbolFlags.Value) !== 0,
      id: declaration
        ? `${declaration.getSourceFile().fileName}:${declaration.pos}`
        : exported.name,
    };
  });
}
