import { createServer } from "node:http";
import { connect } from "node:net";
import {
  type AdapterServer,
  ADAPTER_API_PATH as API,
  adapterTestAxor,
  describeAdapterEdgeAnswers,
  describeAdapterTransport,
  problemOf,
  serveOnLoopback,
} from "@axor/testing";
import { afterEach, describe, expect, it } from "vitest";
import { axorHandler } from "../src/index.js";
import { startNodeServer } from "./support/start-node-server.js";

describeAdapterTransport("node:http", startNodeServer);
describeAdapterEdgeAnswers("node:http", startNodeServer);

async function text(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

describe("node:http handler", () => {
  let server: AdapterServer | undefined;
  const closeServer = async () => {
    await server?.close();
    server = undefined;
  };
  afterEach(closeServer);

  /** A server answering 418 "app" for whatever the Axor handler leaves to it. */
  async function serve(mountPath?: string, parseJson = false): Promise<string> {
    const handle = axorHandler(adapterTestAxor(), mountPath === undefined ? {} : { mountPath });
    const host = createServer(async (req, res) => {
      if (parseJson) Object.assign(req, { body: JSON.parse(await text(req)) }); // as Connect's
      if (!(await handle(req, res))) res.writeHead(418).end("app");
    });
    server = await serveOnLoopback(host);
    return server.origin;
  }

  it("leaves paths outside the mount, and next to it, to the app", async () => {
    const origin = await serve();
    for (const path of ["/", "/api", "/api/username", "/api/users/me/", "/other/api/user/"]) {
      expect((await fetch(`${origin}${path}`)).status).toBe(418);
    }
    expect((await problemOf(await fetch(`${origin}${API}/me/`))).code).toBe("NotAuthenticated");
    expect((await problemOf(await fetch(`${origin}/API/User/me/`))).code).toBe("NotAuthenticated");
  });

  it("takes a mount with a trailing slash, and serves every path with an empty mount", async () => {
    const slash = await serve(`${API}/`);
    expect(await problemOf(await fetch(`${slash}${API}/nope/`))).toEqual({
      status: 404,
      code: "NotFound",
      instance: `${API}/nope/`,
    });
    await closeServer();
    const everywhere = await serve("");
    expect((await problemOf(await fetch(`${everywhere}/me/`))).code).toBe("NotAuthenticated");
    expect((await fetch(`${everywhere}/anything`)).status).toBe(404);
  });

  it("judges a body a Connect-style parser already read into req.body", async () => {
    const login = async (origin: string) =>
      problemOf(
        await fetch(`${origin}${API}/login/`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: "nobody@example.com", password: "wrong password" }),
        }),
      );
    const raw = await login(await serve(API));
    await closeServer();
    expect(raw).toMatchObject({ status: 401, code: "InvalidCredentials" });
    expect(await login(await serve(API, true))).toEqual(raw);
  });

  it("drops a request aborted mid-body, without a rejection, and keeps serving", async () => {
    const handle = axorHandler(adapterTestAxor());
    const outcomes: Promise<boolean>[] = [];
    server = await serveOnLoopback(
      createServer((req, res) => {
        outcomes.push(handle(req, res));
      }),
    );
    const { port } = new URL(server.origin);
    const socket = connect(Number(port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(`POST ${API}/login/ HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"em`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await expect.poll(() => outcomes.length).toBe(1);
    expect(await outcomes[0]).toBe(true);
    expect((await problemOf(await fetch(`${server.origin}${API}/me/`))).status).toBe(401);
  });
});
