import { describeExampleSmokeTest } from "../../express/test/support/example-smoke.js";

describeExampleSmokeTest("hono");
