import { describeExampleSmokeTest } from "../../../test-support/example-smoke.js";

describeExampleSmokeTest("hono");
