// The OpenAPI document's response schemas against the core's own answer types: a schema that
// drifts from what the endpoints return fails `pnpm typecheck` (vitest runs these as no-ops).
import type * as v from "valibot";
import { expectTypeOf, it } from "vitest";
import type {
  ActiveSessions,
  AppToken,
  LoginResponse,
  Session,
  User,
} from "../src/api/api-objects.js";
import type { TotpSetup } from "../src/axor-api.js";
import type { ErrorCode } from "../src/errors/error-catalogue.js";
import type * as schemas from "../src/openapi/response-schemas.js";

type Out<T extends v.GenericSchema> = v.InferOutput<T>;

it("describes each answer with the type the endpoints return", () => {
  expectTypeOf<Out<typeof schemas.userSchema>>().toEqualTypeOf<User>();
  expectTypeOf<Out<typeof schemas.sessionSchema>>().toEqualTypeOf<Session>();
  expectTypeOf<Out<typeof schemas.appTokenSchema>>().toEqualTypeOf<AppToken>();
  expectTypeOf<Out<typeof schemas.loginResponseSchema>>().toEqualTypeOf<LoginResponse>();
  expectTypeOf<Out<typeof schemas.activeSessionsSchema>>().toEqualTypeOf<ActiveSessions>();
  expectTypeOf<Out<typeof schemas.totpSetupSchema>>().toEqualTypeOf<TotpSetup>();
  expectTypeOf<Out<typeof schemas.userResponseSchema>>().toEqualTypeOf<{ user: User }>();
  expectTypeOf<Out<typeof schemas.backupCodesSchema>>().toEqualTypeOf<{
    backup_codes: string[];
  }>();
  expectTypeOf<Out<typeof schemas.errorCodeSchema>>().toEqualTypeOf<ErrorCode>();
});
