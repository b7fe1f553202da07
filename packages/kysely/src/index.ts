export { DatabaseDriverError } from "./database-driver.js";
export type { OpenDatabaseOptions } from "./database-options.js";
export {
  type DjangoImportOptions,
  type DjangoImportSummary,
  importDjangoAxor,
} from "./django-import/import-django-axor.js";
export { type KyselyStorage, type KyselyStorageOptions, kyselyStorage } from "./kysely-storage.js";
export {
  type MigrateOptions,
  type MigrationOutcome,
  type MigrationState,
  migrateToLatest,
  migrationStatus,
} from "./migrate.js";
export { type DatabaseDialect, type OpenedDatabase, openDatabase } from "./open-database.js";
export { type PreparingDatabase, withStatementCache } from "./statement-cache.js";
