// @axor/client: a typed fetch client of the Axor HTTP API. No runtime dependencies.
export type {
  ActiveSessions,
  AppToken,
  BackupCodes,
  ChangeEmailInput,
  ChangeNameInput,
  ChangePasswordInput,
  CloseSessionInput,
  EmailInput,
  LoginInput,
  LoginResponse,
  MagicLinkConsumeInput,
  RegisterInput,
  ResetPasswordInput,
  Session,
  TokenInput,
  TotpCodeInput,
  TotpSetup,
  User,
  UserResponse,
} from "./api-types.js";
export type { AxorClient } from "./axor-client.js";
export { AxorClientError } from "./axor-client-error.js";
export { type AxorClientOptions, createAxorClient } from "./create-axor-client.js";
export type { AxorClientErrorCode, ClientOnlyErrorCode, ServerErrorCode } from "./error-code.js";
export { type KeyStorage, memoryKeyStorage } from "./key-storage.js";
export type { Problem } from "./problem.js";
export type { FetchFunction } from "./send-request.js";
