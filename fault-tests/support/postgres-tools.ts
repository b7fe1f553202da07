import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { runCommand } from "./run-command.js";

/** Where Debian and Ubuntu install the server binaries, one folder per major version. */
const POSTGRES_LIB = "/usr/lib/postgresql";

/** The OS user that owns clusters when the tests run as root (PostgreSQL refuses root). */
const POSTGRES_OS_USER = "postgres";

/** What running a private PostgreSQL cluster takes on this machine. */
export interface PostgresTools {
  /** The folder holding `initdb`, `pg_ctl` and `postgres`, of the newest version installed. */
  binDir: string;
  /** Runs one of those binaries, as the `postgres` OS user when we are root. */
  run(binary: "initdb" | "pg_ctl", args: string[]): Promise<string>;
  /** The uid and gid that must own the cluster's folder (ours when we are not root). */
  owner: { uid: number; gid: number };
}

function newestBinDir(): string | undefined {
  if (!existsSync(POSTGRES_LIB)) return undefined;
  const versions = readdirSync(POSTGRES_LIB)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  return versions
    .map((version) => join(POSTGRES_LIB, version, "bin"))
    .find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
}

function runuserPath(): string | undefined {
  return ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].find((path) =>
    existsSync(path),
  );
}

/**
 * Finds `initdb` and `pg_ctl` (in /usr/lib/postgresql/<version>/bin) and, when running as
 * root, `runuser` and the `postgres` OS user to run them as. Resolves with the tools, or with
 * the reason they are missing (for a visible skip).
 *
 * @example
 * ```ts
 * const tools = await findPostgresTools();
 * if (typeof tools === "string") console.warn(`no private cluster: ${tools}`);
 * ```
 */
export async function findPostgresTools(): Promise<PostgresTools | string> {
  const binDir = newestBinDir();
  if (!binDir) return `no initdb and pg_ctl in ${POSTGRES_LIB}/<version>/bin`;
  const asRoot = process.getuid?.() === 0;
  if (!asRoot) {
    const owner = { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
    return { binDir, owner, run: (binary, args) => runCommand(join(binDir, binary), args) };
  }
  const runuser = runuserPath();
  if (!runuser) return "running as root, and runuser (to run PostgreSQL as postgres) is missing";
  let owner: { uid: number; gid: number };
  try {
    owner = {
      uid: Number(await runCommand("id", ["-u", POSTGRES_OS_USER])),
      gid: Number(await runCommand("id", ["-g", POSTGRES_OS_USER])),
    };
  } catch {
    return `running as root, and there is no ${POSTGRES_OS_USER} OS user to run PostgreSQL as`;
  }
  return {
    binDir,
    owner,
    run: (binary, args) =>
      runCommand(runuser, ["-u", POSTGRES_OS_USER, "--", join(binDir, binary), ...args]),
  };
}
