export {
  ADAPTER_API_PATH,
  type AdapterServer,
  type AdapterTestApp,
  type AppRoute,
  type AppRouteGuard,
  type StartAdapterServer,
} from "./adapter/adapter-server.js";
export { adapterTestAxor } from "./adapter/adapter-test-axor.js";
export { describeAdapterEdgeAnswers } from "./adapter/describe-adapter-edge-answers.js";
export { describeAdapterGuards } from "./adapter/describe-adapter-guards.js";
export { describeAdapterHttpContract } from "./adapter/describe-adapter-http-contract.js";
export { describeAdapterTransport } from "./adapter/describe-adapter-transport.js";
export { expectNotAuthenticated, problemOf } from "./adapter/problem-answers.js";
export {
  hangUpMidBody,
  type RawAnswer,
  type RawRequest,
  rawHttpRequest,
} from "./adapter/raw-http-request.js";
export { recordedClientIp } from "./adapter/recorded-client-ip.js";
export { registerOverHttp, type SignedInUser } from "./adapter/register-over-http.js";
export { serveOnLoopback } from "./adapter/serve-on-loopback.js";
export { testServerUrl } from "./env/test-server-url.js";
export type { ContractServer, StartContractServer } from "./http/contract-server.js";
export { describeHttpContract } from "./http/describe-http-contract.js";
export { FakeClock } from "./http/fake-clock.js";
export { MailOutbox, type SentEmail } from "./http/mail-outbox.js";
export { enableTotp, type SeededTotp } from "./seed/enable-totp.js";
export { describeEventLog } from "./storage/describe-event-log.js";
export { describeRateLimitStore } from "./storage/describe-rate-limit-store.js";
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
