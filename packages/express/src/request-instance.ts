import type { Request } from "express";

/** The path the client asked for, mount included and query excluded: the envelope's `instance`. */
export function requestInstance(req: Request): string {
  const url = req.originalUrl || req.url;
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}
