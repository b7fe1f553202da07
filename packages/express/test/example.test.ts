import { describeExampleSmokeTest } from "./support/example-smoke.js";

describeExampleSmokeTest("express");
