#!/usr/bin/env node
// Type-checks every code example: the ```ts blocks of JSDoc @examples in packages/*/src (tests
// excepted) and the ```ts / ```typescript blocks of docs/*.md and README.md. Each block becomes
// a module in a temporary folder: a prelude of imports (doc-examples/snippet-module.mjs), then
// the block, compiled with tsconfig.json's options; errors point back at the block's file and
// line. A block opts out with ```ts nocheck. Run by `pnpm lint`; `--keep` keeps the folder;
// file arguments (docs/hono.md packages/hono/src/guards.ts) check only those files.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { jsDocExampleCodeBlocks, markdownCodeBlocks } from "./doc-examples/find-code-blocks.mjs";
import { moduleExports } from "./doc-examples/module-exports.mjs";
import {
  repositoryCompilerOptions,
  snippetCompilerHost,
} from "./doc-examples/snippet-compiler.mjs";
import { contextModules, snippetContext } from "./doc-examples/snippet-contexts.mjs";
import { snippetModule } from "./doc-examples/snippet-module.mjs";
import { packageEntryPoints } from "./package-entry-points.mjs";

const CHECKED_LANGUAGES = new Set(["ts", "typescript"]);
const started = performance.now();
const root = process.cwd();
const packageNames = readdirSync("packages").filter((name) =>
  existsSync(`packages/${name}/src/index.ts`),
);

const sources = packageNames.flatMap((name) =>
  readdirSync(`packages/${name}/src`, { recursive: true })
    .map((file) => `packages/${name}/src/${file}`)
    .filter(
      (file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.endsWith(".d.ts"),
    ),
);
const pages = ["README.md", ...readdirSync("docs").map((page) => `docs/${page}`)].filter((file) =>
  file.endsWith(".md"),
);
const named = process.argv.slice(2).filter((arg) => !arg.startsWith("--")); // only these files
const chosen = (files) => (named.length > 0 ? files.filter((file) => named.includes(file)) : files);
const extraPages = named.filter((file) => file.endsWith(".md") && !pages.includes(file));
const blocks = [
  ...chosen(sources).flatMap(jsDocExampleCodeBlocks),
  ...chosen([...pages, ...extraPages]).flatMap(markdownCodeBlocks),
].filter((block) => CHECKED_LANGUAGES.has(block.lang));
const optedOut = blocks.filter((block) => block.noCheck);
const checked = blocks.filter((block) => !block.noCheck);

// Snippets and context modules resolve third-party modules from the block's own package, then
// any package, then the root: express, fastify, hono... are the packages' devDependencies.
const options = repositoryCompilerOptions();
const snippetDir = mkdtempSync(path.join(os.tmpdir(), "axor-doc-examples-"));
const blockOf = new Map(); // snippet file -> { block, preludeLines }
const failures = [];
const packageFolders = [
  ...packageNames.map((name) => `packages/${name}`),
  "examples/custom-storage", // docs/storage.md walks through its Drizzle adapter
  ".",
];
const resolveFrom = (file) => {
  if (!file.startsWith(snippetDir) && !contextModules.includes(file)) return null;
  const own = /^packages\/[^/]+/.exec(blockOf.get(file)?.block.file ?? "")?.[0];
  return [...(own ? [own] : []), ...packageFolders].map((folder) => path.resolve(root, folder));
};
const host = snippetCompilerHost(options, snippetDir, resolveFrom);

// A first program over the sources and contexts, for their exports.
const entryPoints = packageEntryPoints();
const exportsProgram = ts.createProgram(
  [...sources, ...entryPoints.map(({ file }) => file), ...contextModules],
  options,
  host,
);
const packageExports = new Map(
  entryPoints.map(({ specifier, file }) => [specifier, moduleExports(exportsProgram, file)]),
);
const importable = (file) => ({
  specifier: path.resolve(root, file).replace(/\.ts$/, ".js"),
  exports: moduleExports(exportsProgram, file),
});

checked.forEach((block, index) => {
  const context = snippetContext(block.file);
  const { text, preludeLines, shadowed } = snippetModule(block.code, {
    documented: block.file.endsWith(".ts") ? importable(block.file) : null,
    context: { ...importable(context.module), adapter: context.adapter },
    packageExports,
  });
  const name = `${String(index).padStart(3, "0")}-${block.file.replace(/[/.]/g, "_")}-${block.line}.mts`;
  const file = path.join(snippetDir, name);
  writeFileSync(file, text);
  blockOf.set(file, { block, preludeLines });
  for (const { name, line, specifier } of shadowed) {
    failures.push(
      `${block.file}:${block.line + line}: declares ${name}, which ${specifier} exports: import it instead (or use another name)`,
    );
  }
});

const program = ts.createProgram(
  [...blockOf.keys(), ...contextModules],
  options,
  host,
  exportsProgram,
);
const message = (diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n    ");
for (const diagnostic of [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]) {
  failures.push(`tsconfig.json: TS${diagnostic.code}: ${message(diagnostic)}`);
}
for (const file of contextModules) {
  const source = program.getSourceFile(file);
  for (const diagnostic of [
    ...program.getSyntacticDiagnostics(source),
    ...program.getSemanticDiagnostics(source),
  ]) {
    const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1;
    failures.push(
      `${path.relative(root, file)}:${line}: TS${diagnostic.code}: ${message(diagnostic)}`,
    );
  }
}
for (const [file, { block, preludeLines }] of blockOf) {
  const source = program.getSourceFile(file);
  const syntax = program.getSyntacticDiagnostics(source);
  // After a syntax error, the rest are mostly its echoes: report the first only.
  const diagnostics =
    syntax.length > 0 ? syntax.slice(0, 1) : program.getSemanticDiagnostics(source);
  for (const diagnostic of diagnostics) {
    const line = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
    const where =
      line < preludeLines
        ? `${block.file}:${block.line}: (in the block's prelude, see --keep)`
        : `${block.file}:${block.line + line - preludeLines}:`;
    failures.push(`${where} TS${diagnostic.code}: ${message(diagnostic)}`);
  }
}

if (process.argv.includes("--keep"))
  console.error(`check-doc-examples: snippets kept in ${snippetDir}`);
else rmSync(snippetDir, { recursive: true, force: true });

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const summary = `${checked.length} code examples checked, ${optedOut.length} opted out (\`\`\`ts nocheck), in ${seconds} s`;
// By file (in the order files were first reported), then by line.
const placeOf = (failure) => /^(.*?):(\d+):/.exec(failure) ?? [failure, failure, "0"];
const fileOrder = [...new Set(failures.map((failure) => placeOf(failure)[1]))];
const rank = (failure) => [fileOrder.indexOf(placeOf(failure)[1]), Number(placeOf(failure)[2])];
failures.sort((a, b) => {
  const [fileA, lineA] = rank(a);
  const [fileB, lineB] = rank(b);
  return fileA - fileB || lineA - lineB;
});
if (failures.length > 0) {
  console.error(
    `${failures.join("\n")}\n\ncheck-doc-examples: ${failures.length} errors; ${summary}`,
  );
  process.exit(1);
}
console.log(`check-doc-examples: ${summary}`);
