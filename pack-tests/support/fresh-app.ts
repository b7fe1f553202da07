import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCommand } from "./run-command.js";

const APP_SOURCES = fileURLToPath(new URL("../app", import.meta.url));

/**
 * Writes a new app into `folder` (outside the workspace): a package.json as a user's, a
 * tsconfig.json for Node ESM, and the sources of pack-tests/app. Its package.json approves
 * better-sqlite3's install script the way npm 11 reads it (`allowScripts`).
 */
export async function writeFreshApp(folder: string): Promise<void> {
  await mkdir(join(folder, "src"), { recursive: true });
  const manifest = {
    name: "axor-pack-test-app",
    version: "1.0.0",
    private: true,
    type: "module",
    allowScripts: { "better-sqlite3": true },
  };
  await writeFile(join(folder, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      skipLibCheck: true,
      types: ["node"],
      rootDir: "src",
      outDir: "dist",
    },
    include: ["src"],
  };
  await writeFile(join(folder, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
  for (const file of await readdir(APP_SOURCES)) {
    await copyFile(join(APP_SOURCES, file), join(folder, "src", file));
  }
}

/**
 * Plain `npm install` of `specs` (tarball paths and registry names) in `folder`. The npm cache
 * is used first (`--prefer-offline`); on a fresh machine npm downloads what it lacks.
 */
export async function npmInstall(folder: string, specs: string[], extra: string[] = []) {
  const result = await runCommand(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", ...extra, ...specs],
    { cwd: folder, timeoutMs: 600_000 },
  );
  if (result.code !== 0) {
    throw new Error(`npm install failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}
