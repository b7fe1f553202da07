import { describeAdapterHttpContract } from "@axor/testing";
import { describeOnTestDatabases } from "../../../test-support/test-databases.js";
import { startFastifyServer } from "./support/start-fastify-server.js";

describeOnTestDatabases((kind, database) =>
  describeAdapterHttpContract(`Fastify on ${kind}`, startFastifyServer, database.freshStorage),
);
