import { once } from "node:events";
import { connect, createServer, type Server, type Socket } from "node:net";

/** A TCP proxy in front of Redis that a test can cut, to make Redis "go away" mid-run. */
export interface CuttableProxy {
  /** e.g. "redis://127.0.0.1:41234": Redis through the proxy. */
  url: string;
  /** Drops every connection and stops listening: the port then refuses connections. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
}

/** Starts a proxy on a free port that forwards to the Redis at `redisUrl`. */
export async function startCuttableProxy(redisUrl: string): Promise<CuttableProxy> {
  const target = new URL(redisUrl);
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const listen = async (server: Server, port: number) => {
    server.listen(port, "127.0.0.1");
    await once(server, "listening");
    const address = server.address();
    return typeof address === "object" && address ? address.port : port;
  };
  const newServer = () =>
    createServer((socket) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      track(socket);
      track(upstream);
      socket.pipe(upstream).pipe(socket);
    });

  let server = newServer();
  const port = await listen(server, 0);
  return {
    url: `redis://127.0.0.1:${port}`,
    async cut() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    async restore() {
      server = newServer();
      await listen(server, port);
    },
  };
}
