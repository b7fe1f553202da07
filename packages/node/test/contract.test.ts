import { describeAdapterHttpContract } from "@axor/testing";
import { describeOnTestDatabases } from "../../../test-support/test-databases.js";
import { startNodeServer } from "./support/start-node-server.js";

describeOnTestDatabases((kind, database) =>
  describeAdapterHttpContract(`node:http on ${kind}`, startNodeServer, database.freshStorage),
);
