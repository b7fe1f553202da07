import { describeAdapterGuards } from "@axor/testing";
import { startHonoServer } from "./support/start-hono-server.js";

describeAdapterGuards("Hono", startHonoServer);
