import { describeEndpointFuzz } from "./support/describe-endpoint-fuzz.js";
import { sqliteFuzzTarget } from "./support/fuzz-target.js";

describeEndpointFuzz("SQLite", sqliteFuzzTarget);
