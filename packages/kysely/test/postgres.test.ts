import { testServerUrl } from "@axor/testing";
import { describe } from "vitest";
import { describeKyselyAdapter } from "./support/describe-kysely-adapter.js";
import { freshServerDatabase, POSTGRES_URL_VARIABLE } from "./support/fresh-server-database.js";

const url = testServerUrl(POSTGRES_URL_VARIABLE, "PostgreSQL");

describe.skipIf(!url)(`PostgreSQL (set ${POSTGRES_URL_VARIABLE} to run)`, () => {
  describeKyselyAdapter("PostgreSQL", () => freshServerDatabase(url ?? ""));
});
