import { describeAdapterHttpContract } from "@axor/testing";
import { describeOnTestDatabases } from "../../../test-support/test-databases.js";
import { startHonoServer } from "./support/start-hono-server.js";

describeOnTestDatabases((kind, database) =>
  describeAdapterHttpContract(`Hono on ${kind}`, startHonoServer, database.freshStorage),
);
