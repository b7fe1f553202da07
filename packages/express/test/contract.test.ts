import { describeAdapterHttpContract } from "@axor/testing";
import { describeOnTestDatabases } from "../../../test-support/test-databases.js";
import { startExpressServer } from "./support/start-express-server.js";

describeOnTestDatabases((kind, database) =>
  describeAdapterHttpContract(`Express on ${kind}`, startExpressServer, database.freshStorage),
);
