import { describeAdapterGuards } from "@axor/testing";
import { startExpressServer } from "./support/start-express-server.js";

describeAdapterGuards("Express", startExpressServer);
