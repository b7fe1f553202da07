import { type Agent, request as httpRequest } from "node:http";
import type { Socket } from "node:net";
import { API } from "./http-client.js";

/** POSTs `chunks` (written one by one, never joined) through `agent`, keeping the socket used. */
export function postOverOneSocket(agent: Agent, origin: string, path: string, chunks: Buffer[]) {
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  return new Promise<{ status: number; text: string; socket: Socket }>((resolve, reject) => {
    const req = httpRequest(
      `${origin}${API}/${path}`,
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
