// The client's own types against @axor/core's (type-only: the client takes no runtime
// dependency on the core). `pnpm typecheck` checks these; vitest runs them as no-ops.
import type * as core from "@axor/core";
import { expectTypeOf, it } from "vitest";
import type * as client from "../src/index.js";

it("has the core's objects, request bodies and error codes", () => {
  expectTypeOf<client.User>().toEqualTypeOf<core.User>();
  expectTypeOf<client.Session>().toEqualTypeOf<core.Session>();
  expectTypeOf<client.AppToken>().toEqualTypeOf<core.AppToken>();
  expectTypeOf<client.LoginResponse>().toEqualTypeOf<core.LoginResponse>();
  expectTypeOf<client.ActiveSessions>().toEqualTypeOf<core.ActiveSessions>();
  expectTypeOf<client.TotpSetup>().toEqualTypeOf<core.TotpSetup>();
  expectTypeOf<client.RegisterInput>().toEqualTypeOf<core.RegisterInput>();
  expectTypeOf<client.LoginInput>().toEqualTypeOf<core.LoginInput>();
  expectTypeOf<client.ChangeNameInput>().toEqualTypeOf<core.ChangeNameInput>();
  expectTypeOf<client.ChangeEmailInput>().toEqualTypeOf<core.ChangeEmailInput>();
  expectTypeOf<client.ChangePasswordInput>().toEqualTypeOf<core.ChangePasswordInput>();
  expectTypeOf<client.EmailInput>().toEqualTypeOf<core.PasswordResetRequestInput>();
  expectTypeOf<client.EmailInput>().toEqualTypeOf<core.MagicLinkRequestInput>();
  expectTypeOf<client.TokenInput>().toEqualTypeOf<core.VerifyEmailInput>();
  expectTypeOf<client.TokenInput>().toEqualTypeOf<core.PasswordResetTokenInput>();
  expectTypeOf<client.ResetPasswordInput>().toEqualTypeOf<core.ResetPasswordInput>();
  expectTypeOf<client.MagicLinkConsumeInput>().toEqualTypeOf<core.MagicLinkConsumeInput>();
  expectTypeOf<client.CloseSessionInput>().toEqualTypeOf<core.CloseSessionInput>();
  expectTypeOf<client.TotpCodeInput>().toEqualTypeOf<core.TotpCodeInput>();
  expectTypeOf<client.ServerErrorCode>().toEqualTypeOf<core.ErrorCode>();
});

it("types the server's additional user fields from one type argument", () => {
  type Extra = { company: string; seats: number };
  const typed = {} as client.AxorClient<Extra>;
  expectTypeOf<Awaited<ReturnType<typeof typed.me>>["user"]>().toEqualTypeOf<client.User & Extra>();
  expectTypeOf<
    Awaited<ReturnType<typeof typed.login>>["user"]["company"]
  >().toEqualTypeOf<string>();
  expectTypeOf<Parameters<typeof typed.changeName>[0]["seats"]>().toEqualTypeOf<
    number | undefined
  >();
  const plain = {} as client.AxorClient;
  expectTypeOf<Awaited<ReturnType<typeof plain.me>>["user"]>().toEqualTypeOf<client.User & {}>();
});
