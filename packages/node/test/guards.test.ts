import { describeAdapterGuards } from "@axor/testing";
import { startNodeServer } from "./support/start-node-server.js";

describeAdapterGuards("node:http", startNodeServer);
