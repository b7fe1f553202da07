export { testServerUrl } from "./env/test-server-url.js";
export type { ContractServer, StartContractServer } from "./http/contract-server.js";
export { describeHttpContract } from "./http/describe-http-contract.js";
export { FakeClock } from "./http/fake-clock.js";
export { MailOutbox, type SentEmail } from "./http/mail-outbox.js";
export { enableTotp, type SeededTotp } from "./seed/enable-totp.js";
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
