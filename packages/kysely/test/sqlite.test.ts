import { describeKyselyAdapter } from "./support/describe-kysely-adapter.js";
import { freshSqliteDatabase } from "./support/fresh-sqlite-database.js";

describeKyselyAdapter("SQLite", freshSqliteDatabase);
