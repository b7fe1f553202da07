export { describeStorageAdapter } from "./storage/describe-storage-adapter.js";
export { expectRecord } from "./storage/expect-record.js";
export {
  insertUser,
  makeNewSession,
  makeNewUser,
  makeOneTimeToken,
  makeTotpRecord,
  msAfter,
  randomHash,
  uniqueEmail,
} from "./storage/record-fixtures.js";
export type { StorageFixture } from "./storage/storage-fixture.js";
export { enableTotp, type SeededTotp } from "./seed/enable-totp.js";
