// The public entry points of the workspace packages, as tsconfig.json's `paths` map them:
// [{ specifier: "@axor/core/storage", file: "packages/core/src/storage.ts" }, ...].
// Wildcards and paths outside packages/ are left out.
import path from "node:path";
import ts from "typescript";

export function packageEntryPoints(configFile = "tsconfig.json") {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  const { paths = {}, pathsBasePath = path.dirname(configFile) } = parsed.options;
  return Object.entries(paths)
    .filter(([specifier, targets]) => !specifier.includes("*") && targets.length === 1)
    .map(([specifier, [target]]) => ({
      specifier,
      file: path.relative(process.cwd(), path.resolve(pathsBasePath, target)),
    }))
    .filter(({ file }) => file.startsWith(`packages${path.sep}`));
}
