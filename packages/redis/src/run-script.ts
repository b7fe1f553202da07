import type { LuaScript } from "./counter-scripts.js";
import { isNoScript, type SendCommand } from "./redis-client.js";

/**
 * Runs `script` on one key: EVALSHA, and EVAL (which also caches it) when Redis answers
 * NOSCRIPT, as after a restart or a failover.
 */
export async function runScript(
  send: SendCommand,
  script: LuaScript,
  key: string,
  args: string[],
): Promise<unknown> {
  try {
    return await send(["EVALSHA", script.sha, "1", key, ...args]);
  } catch (error) {
    if (!isNoScript(error)) throw error;
    return send(["EVAL", script.source, "1", key, ...args]);
  }
}
