import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runCommand } from "./run-command.js";

/** The workspace root. */
export const WORKSPACE_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** The newest modification time of any file under `folder`. */
async function newestFileTime(folder: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/**
 * `pnpm pack`s every publishable package of packages/ into `destination` (pnpm turns the
 * `workspace:` ranges into versions, as publishing does) and returns the tarballs' paths. The
 * packages must be built (`pnpm build`); a missing or stale dist/ fails with that advice rather
 * than packing old code. The test never builds itself: other test projects read those dist/
 * folders while it runs.
 */
export async function packWorkspacePackages(destination: string): Promise<string[]> {
  const folder = join(WORKSPACE_ROOT, "packages");
  const tarballs: string[] = [];
  for (const name of (await readdir(folder)).sort()) {
    const root = join(folder, name);
    const manifest = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
      name: string;
      version: string;
      private?: boolean;
    };
    if (manifest.private) continue;
    const built = await stat(join(root, "dist", "index.js")).catch(() => null);
    if (!built || built.mtimeMs < (await newestFileTime(join(root, "src")))) {
      throw new Error(
        `${manifest.name}: dist/ is missing or older than src/; run pnpm build first`,
      );
    }
    const packed = await runCommand("pnpm", ["pack", "--pack-destination", destination], {
      cwd: root,
    });
    if (packed.code !== 0) throw new Error(`pnpm pack ${manifest.name} failed: ${packed.stderr}`);
    const file = `${manifest.name.replace("@", "").replace("/", "-")}-${manifest.version}.tgz`;
    tarballs.push(join(destination, file));
  }
  return tarballs;
}
