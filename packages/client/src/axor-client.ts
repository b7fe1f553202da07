import type {
  ActiveSessions,
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
  TokenInput,
  TotpCodeInput,
  TotpSetup,
  User,
  UserResponse,
} from "./api-types.js";
import type { KeyStorage } from "./key-storage.js";

/**
 * One method per endpoint of the Axor API (named as the OpenAPI document's `operationId`s).
 * Each resolves with the endpoint's JSON answer (nothing for a 204) or throws an
 * `AxorClientError`. `TFields`: the server's additional user fields (its `userFields`), which
 * every User carries and which `register` and `changeName` may send.
 */
export interface AxorClient<TFields extends object = {}> {
  readonly mode: "web" | "app";
  /** Where an app-mode client keeps its Bearer key (unused in web mode). */
  readonly keyStorage: KeyStorage;
  /** `POST register/`: creates the account and signs in (app mode: keeps the key). */
  register(input: RegisterInput & Partial<TFields>): Promise<LoginResponse<User & TFields>>;
  /** `POST login/` (app mode: keeps the key). `TOTPRequired` asks for `code`. */
  login(input: LoginInput): Promise<LoginResponse<User & TFields>>;
  /** `POST logout/`: revokes the session (app mode: forgets the key, even if the call fails). */
  logout(): Promise<void>;
  /** `GET me/`. */
  me(): Promise<UserResponse<User & TFields>>;
  /** `POST verify_email/`. */
  verifyEmail(input: TokenInput): Promise<void>;
  /** `POST verify_email/resend/`. */
  resendVerificationEmail(): Promise<void>;
  /** `PUT change_email/`. */
  changeEmail(input: ChangeEmailInput): Promise<UserResponse<User & TFields>>;
  /** `PUT change_name/`. */
  changeName(input: ChangeNameInput & Partial<TFields>): Promise<UserResponse<User & TFields>>;
  /** `POST magic_link/request/`. */
  requestMagicLink(input: EmailInput): Promise<void>;
  /** `POST magic_link/consume/`: signs in (app mode: keeps the key). */
  consumeMagicLink(input: MagicLinkConsumeInput): Promise<LoginResponse<User & TFields>>;
  /** `PUT change_password/`: every other session and token is revoked. */
  changePassword(input: ChangePasswordInput): Promise<void>;
  /** `POST forgot_password/request/`. */
  requestPasswordReset(input: EmailInput): Promise<void>;
  /** `POST forgot_password/validate/`. */
  validatePasswordResetToken(input: TokenInput): Promise<void>;
  /** `POST forgot_password/reset/`. */
  resetPassword(input: ResetPasswordInput): Promise<void>;
  /** `GET active_sessions/`. */
  activeSessions(): Promise<ActiveSessions>;
  /** `POST active_sessions/close/`. */
  closeSession(input: CloseSessionInput): Promise<void>;
  /** `POST active_sessions/close_except_current/`. */
  closeOtherSessions(): Promise<void>;
  /** `POST totp/init/`. */
  totpInit(): Promise<TotpSetup>;
  /** `POST totp/enable/`. */
  totpEnable(input: TotpCodeInput): Promise<void>;
  /** `PUT totp/disable/`. */
  totpDisable(input: TotpCodeInput): Promise<void>;
  /** `POST totp/new-backup-codes/`. */
  totpNewBackupCodes(input: TotpCodeInput): Promise<BackupCodes>;
  /** `GET openapi.json`: the OpenAPI 3.1 document of the API. */
  openApi(): Promise<Record<string, unknown>>;
}
