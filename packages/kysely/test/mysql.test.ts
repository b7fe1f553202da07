import { testServerUrl } from "@axor/testing";
import { describe } from "vitest";
import { describeKyselyAdapter } from "./support/describe-kysely-adapter.js";
import { freshServerDatabase, MYSQL_URL_VARIABLE } from "./support/fresh-server-database.js";

const url = testServerUrl(MYSQL_URL_VARIABLE, "MySQL/MariaDB");

describe.skipIf(!url)(`MySQL/MariaDB (set ${MYSQL_URL_VARIABLE} to run)`, () => {
  describeKyselyAdapter("MySQL/MariaDB", () => freshServerDatabase(url ?? ""));
});
