// Turns a code block into a module the compiler can check: a prelude of imports, the block,
// then `export {}`. The prelude imports, except the names the block declares itself:
//   1. for a JSDoc example, every export of the file it documents;
//   2. every export of the block's context module (./contexts/*.ts, its free names);
//   3. every public export of the @axor/* entry points (tsconfig.json's paths); a name several
//      packages export for different things comes from the context's adapter, or is left out.
// A name comes from the first of these that has it.
import ts from "typescript";

/**
 * The names a block declares at its top level (imports, variables, functions, classes, types),
 * as Map(name -> { line, imported }), `line` 0-based in the block.
 */
export function topLevelNames(code) {
  const source = ts.createSourceFile("block.mts", code, ts.ScriptTarget.Latest);
  const names = new Map();
  const add = (identifier, imported) => {
    const line = source.getLineAndCharacterOfPosition(identifier.getStart(source)).line;
    names.set(identifier.text, { line, imported });
  };
  const addBinding = (name) => {
    if (ts.isIdentifier(name)) add(name, false);
    else
      for (const element of name.elements)
        if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) add(clause.name, true);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) add(bindings.name, true);
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) add(element.name, true);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        addBinding(declaration.name);
    } else if (statement.name && ts.isIdentifier(statement.name)) {
      // function, class, interface, type, enum, namespace, import x = require(...)
      add(statement.name, ts.isImportEqualsDeclaration(statement));
    }
  }
  return names;
}

/** The import lines of `sources` ([{ specifier, exports }], first wins), minus `declared`. */
function importLines(sources, declared) {
  const taken = new Set(declared);
  const lines = [];
  for (const { specifier, exports } of sources) {
    const wanted = exports.filter(({ name }) => !taken.has(name));
    for (const { name } of wanted) taken.add(name);
    const values = wanted.filter((e) => e.isValue).map((e) => e.name);
    const types = wanted.filter((e) => !e.isValue).map((e) => e.name);
    if (values.length > 0) lines.push(`import { ${values.join(", ")} } from "${specifier}";`);
    if (types.length > 0) lines.push(`import type { ${types.join(", ")} } from "${specifier}";`);
  }
  return lines;
}

/**
 * The @axor/* entry points as prelude sources: the adapter's first, then the others without the
 * names they export for different things (axorAuth of fastify and of hono, say).
 * `packageExports`: Map(specifier -> exports).
 */
function packageSources(packageExports, adapter) {
  const others = [...packageExports].filter(([specifier]) => specifier !== adapter);
  const idsOf = new Map();
  for (const [, exports] of others) {
    for (const { name, id } of exports) idsOf.set(name, new Set([...(idsOf.get(name) ?? []), id]));
  }
  return [
    ...(adapter ? [{ specifier: adapter, exports: packageExports.get(adapter) }] : []),
    ...others.map(([specifier, exports]) => ({
      specifier,
      exports: exports.filter(({ name }) => idsOf.get(name).size === 1),
    })),
  ];
}

/**
 * The module text of a block, how many prelude lines precede the block's first line, and the
 * public @axor exports the block declares again instead of importing (`shadowed`: [{ name,
 * line, specifier }]): such a copy compiles whatever the real one becomes, so it is reported.
 * `documented`: { specifier, exports } of the file a JSDoc example documents, else null;
 * `context`: { specifier, exports, adapter }; `packageExports`: Map(specifier -> exports).
 */
export function snippetModule(code, { documented, context, packageExports }) {
  const declared = topLevelNames(code);
  const sources = [
    ...(documented ? [documented] : []),
    context,
    ...packageSources(packageExports, context.adapter),
  ];
  const prelude = importLines(sources, declared.keys());
  const shadowed = [];
  for (const [name, { line, imported }] of declared) {
    if (imported) continue;
    const owner = [...packageExports].find(([, exports]) => exports.some((e) => e.name === name));
    if (owner) shadowed.push({ name, line, specifier: owner[0] });
  }
  return {
    text: [...prelude, code, "export {};", ""].join("\n"),
    preludeLines: prelude.length,
    shadowed,
  };
}
