// A TypeScript compiler host for snippet modules kept outside the packages: the repository's
// sources are parsed once and shared between programs, and a snippet's imports resolve as if it
// sat in one of the workspace packages (their node_modules hold express, fastify, hono...).
import path from "node:path";
import ts from "typescript";

/** The repository's compiler options: tsconfig.json (its paths map @axor/* to the sources). */
export function repositoryCompilerOptions(configFile = "tsconfig.json") {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    { noEmit: true },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  return parsed.options;
}

/**
 * A compiler host where a file for which `resolveFrom(file)` gives folders resolves its bare
 * imports ("express") from the first of them that has each; other imports resolve as usual.
 * Files under `snippetDir` are read afresh by each program, the others parsed once.
 */
export function snippetCompilerHost(options, snippetDir, resolveFrom) {
  const host = ts.createCompilerHost(options);
  const parsed = new Map();
  const readSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, ...rest) => {
    if (fileName.startsWith(snippetDir)) return readSourceFile(fileName, ...rest);
    if (!parsed.has(fileName)) parsed.set(fileName, readSourceFile(fileName, ...rest));
    return parsed.get(fileName);
  };
  const cache = ts.createModuleResolutionCache(
    host.getCurrentDirectory(),
    (fileName) => host.getCanonicalFileName(fileName),
    options,
  );
  host.resolveModuleNameLiterals = (
    literals,
    containingFile,
    redirect,
    compilerOptions,
    sourceFile,
  ) => {
    const folders = resolveFrom(containingFile) ?? [];
    const elsewhere = folders.map((folder) => path.join(folder, "snippet.mts"));
    return literals.map((literal) => {
      const mode = ts.getModeForUsageLocation(sourceFile, literal, compilerOptions);
      const bare = !/^[./]/.test(literal.text);
      const containers = bare && elsewhere.length > 0 ? elsewhere : [containingFile];
      let result;
      for (const container of containers) {
        result = ts.resolveModuleName(
          literal.text,
          container,
          compilerOptions,
          host,
          cache,
          redirect,
          mode,
        );
        if (result.resolvedModule) break;
      }
      return result;
    });
  };
  return host;
}
