import type { Axor } from "@axor/core";
import { axorRouter, requireAuth } from "@axor/express";
import express, { type Express } from "express";

/**
 * The example app: the Axor API at /api/user, then the app's own routes. The Axor router is
 * mounted before `express.json()`, so it reads its own bodies (see docs/express.md).
 */
export function createApp(axor: Axor): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use("/api/user", axorRouter(axor));
  app.use(express.json());

  app.get("/api/hello", requireAuth(axor), (req, res) => {
    res.json({ hello: req.axor?.user.first_name });
  });
  return app;
}
