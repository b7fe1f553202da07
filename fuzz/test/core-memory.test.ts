import { describeEndpointFuzz } from "./support/describe-endpoint-fuzz.js";
import { memoryFuzzTarget } from "./support/fuzz-target.js";

describeEndpointFuzz("memory storage", memoryFuzzTarget);
