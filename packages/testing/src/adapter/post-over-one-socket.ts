import { type Agent, request as httpRequest } from "node:http";
import type { Socket } from "node:net";
import { ADAPTER_API_PATH } from "./adapter-server.js";

/**
 * POSTs `chunks` (written one by one, never joined) to the API's `path` through `agent`, and
 * resolves with the answer and the socket it came on.
 */
export function postOverOneSocket(
  agent: Agent,
  origin: string,
  path: string,
  chunks: Buffer[],
): Promise<{ status: number; text: string; socket: Socket }> {
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${origin}${ADAPTER_API_PATH}/${path}`,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": length },
      },
      (res) => {
        const socket = res.socket;
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (data: string) => {
          text += data;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text, socket }));
      },
    );
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}
