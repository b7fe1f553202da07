import { createHash } from "node:crypto";

/** A Lua script with its SHA-1, the name EVALSHA knows it by. */
export interface LuaScript {
  source: string;
  sha: string;
}

function luaScript(source: string): LuaScript {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

/**
 * One hit, atomically: KEYS[1] is a hash { c: count, r: window end in epoch ms }. ARGV[1] is
 * the caller's now (ms), ARGV[2] the window (ms). A missing key or an ended window starts over
 * at 1 with r = now + window and an expiry of one window; otherwise c goes up by one and r and
 * the expiry stay. Returns { count, r }.
 */
export const incrementScript = luaScript(`
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local r = tonumber(redis.call('HGET', KEYS[1], 'r'))
if r == nil or r <= now then
  r = now + window
  redis.call('HSET', KEYS[1], 'c', 1, 'r', r)
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {1, r}
end
return {redis.call('HINCRBY', KEYS[1], 'c', 1), r}
`);

/** Takes one off the count of KEYS[1] when it is above zero; the window and expiry stay. */
export const decrementScript = luaScript(`
local count = tonumber(redis.call('HGET', KEYS[1], 'c'))
if count ~= nil and count > 0 then
  redis.call('HINCRBY', KEYS[1], 'c', -1)
end
return 0
`);
