// What an app developer uses. Adapter authors: `@axor/core/adapter`; storage authors:
// `@axor/core/storage`.

export type {
  CreateUserInput,
  DeleteUserOptions,
  ListUsersQuery,
  SecurityEventsQuery,
  UpdateNamesInput,
  UserAdmin,
  UserList,
} from "./admin/admin-types.js";
export type {
  ActiveSessions,
  AppToken,
  AuthState,
  LoginResponse,
  Session,
  User,
} from "./api/api-objects.js";
export type { ClientInfo } from "./api/client-info.js";
export type {
  Authentication,
  Axor,
  ChangeEmailInput,
  ChangeNameInput,
  ChangePasswordInput,
  CloseSessionInput,
  CloseSessionResult,
  LoginInput,
  LoginResult,
  MagicLinkConsumeInput,
  MagicLinkRequestInput,
  PasswordResetRequestInput,
  PasswordResetTokenInput,
  RegisterInput,
  ResetPasswordInput,
  TotpCodeInput,
  TotpSetup,
  VerifyEmailInput,
} from "./axor-api.js";
export { createAxor } from "./create-axor.js";
export { AxorError } from "./errors/axor-error.js";
export type { ErrorCode } from "./errors/error-catalogue.js";
export type { CleanupOptions, CleanupResult } from "./housekeeping/cleanup.js";
export { type FetchHandlerOptions, fetchHandler } from "./http/fetch-handler.js";
export type { AxorRequest, AxorResponse } from "./http/neutral-http.js";
export { consoleMailer } from "./mail/console-mailer.js";
export type { EmailTemplate, EmailTemplateData, EmailTemplates } from "./mail/email-templates.js";
export type { EmailMessage, Mailer } from "./mail/mailer.js";
export { smtpMailer } from "./mail/smtp-mailer.js";
export type {
  AxorOptions,
  DjangoAxorLegacyOptions,
  LegacyOptions,
  RateLimitRule,
  SessionCacheOptions,
} from "./options/axor-options.js";
export type { ResolvedAxorOptions } from "./options/resolve-axor-options.js";
export { memoryRateLimitStore } from "./rate-limit/memory-rate-limit-store.js";
export { memoryEventLog } from "./storage/memory-event-log.js";
export { memoryStorage } from "./storage/memory-storage.js";
export type { ClientMode, SecurityEvent, StoredSecurityEvent } from "./storage/records.js";
export type {
  AllUserFieldInputs,
  DeclaredUserFields,
  UserFieldDeclaration,
  UserFieldDeclarations,
  UserFieldInputs,
  UserWithFields,
} from "./user-fields/user-field-declaration.js";
