import type { Axor } from "@axor/core";
import { type AxorEnv, axorApp, requireAuth } from "@axor/hono";
import { Hono } from "hono";

/** The example app: the Axor API at /api/user, then the app's own routes. */
export function createApp(axor: Axor): Hono<AxorEnv> {
  const app = new Hono<AxorEnv>();
  app.route("/api/user", axorApp(axor));

  app.get("/api/hello", requireAuth(axor), (c) =>
    c.json({ hello: c.get("axor")?.user.first_name }),
  );
  return app;
}
