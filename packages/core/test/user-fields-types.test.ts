// The types `createAxor` infers from `userFields`: checked by `pnpm typecheck` (vitest runs
// these as no-ops). A change that loses the inference makes one of these fail to compile.
import * as v from "valibot";
import { expectTypeOf, it } from "vitest";
import {
  type Axor,
  type ClientInfo,
  createAxor,
  memoryStorage,
  type User,
  type UserWithFields,
} from "../src/index.js";

const userFields = {
  company: { schema: v.pipe(v.string(), v.maxLength(100)), default: "", register: true },
  seats: {
    schema: v.pipe(v.string(), v.transform(Number)),
    default: "1",
    profile: true,
  },
  tags: { schema: v.array(v.picklist(["a", "b"])), default: [] },
};

type Extra = { company: string; seats: number; tags: ("a" | "b")[] };

const axor = createAxor({
  storage: memoryStorage(),
  secret: "test-secret-test-secret-test-secret!",
  userFields,
});
const plain = createAxor({
  storage: memoryStorage(),
  secret: "test-secret-test-secret-test-secret!",
});
const client: ClientInfo = { ip: "127.0.0.1", userAgent: "t", mode: "web", credential: null };

it("types every user the server-side API returns with the declared fields", () => {
  type Typed = User & Extra;
  expectTypeOf(axor.users.get("id")).resolves.toEqualTypeOf<UserWithFields<
    typeof userFields
  > | null>();
  expectTypeOf<UserWithFields<typeof userFields>>().toMatchTypeOf<Typed>();
  expectTypeOf<Awaited<ReturnType<typeof axor.users.get>>>().toMatchTypeOf<Typed | null>();
  expectTypeOf<
    NonNullable<Awaited<ReturnType<typeof axor.users.get>>>["seats"]
  >().toEqualTypeOf<number>();
  expectTypeOf<NonNullable<Awaited<ReturnType<typeof axor.users.get>>>["tags"]>().toEqualTypeOf<
    ("a" | "b")[]
  >();
  expectTypeOf<Awaited<ReturnType<typeof axor.users.create>>["company"]>().toEqualTypeOf<string>();
  expectTypeOf<
    Awaited<ReturnType<typeof axor.users.list>>["users"][number]["seats"]
  >().toEqualTypeOf<number>();
  expectTypeOf<
    Awaited<ReturnType<typeof axor.login>>["response"]["user"]["company"]
  >().toEqualTypeOf<string>();
  expectTypeOf<NonNullable<Awaited<ReturnType<typeof axor.currentUser>>>["tags"]>().toEqualTypeOf<
    ("a" | "b")[]
  >();
  expectTypeOf<Awaited<ReturnType<typeof axor.changeName>>["seats"]>().toEqualTypeOf<number>();
  expectTypeOf<
    NonNullable<Awaited<ReturnType<typeof axor.authenticate>>["auth"]>["user"]["company"]
  >().toEqualTypeOf<string>();
});

it("takes the flagged fields as inputs, typed from the schemas' input", () => {
  type RegisterArg = Parameters<typeof axor.register>[0];
  expectTypeOf<RegisterArg["company"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<RegisterArg>().not.toHaveProperty("seats");
  type ChangeNameArg = Parameters<typeof axor.changeName>[0];
  expectTypeOf<ChangeNameArg["seats"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<ChangeNameArg>().not.toHaveProperty("company");
  type UpdateArg = Parameters<typeof axor.users.updateFields>[1];
  expectTypeOf<UpdateArg>().toEqualTypeOf<{
    company?: string;
    seats?: string;
    tags?: ("a" | "b")[];
  }>();
  // @ts-expect-error: a number is not the input of `company`'s schema
  expectTypeOf(axor.users.updateFields).toBeCallableWith("id", { company: 5 });
  expectTypeOf(axor.register).toBeCallableWith(
    { email: "a@example.com", password: "p", first_name: "A", last_name: "B", company: "C" },
    client,
  );
});

it("without userFields, users are the plain User and the instance is a plain Axor", () => {
  expectTypeOf(plain.users.get("id")).resolves.toEqualTypeOf<User | null>();
  expectTypeOf<Awaited<ReturnType<typeof plain.login>>["response"]["user"]>().toEqualTypeOf<User>();
  expectTypeOf(plain).toEqualTypeOf<Axor>();
  // An instance with fields still goes wherever a plain Axor does (adapters, pages).
  const accepts = (instance: Axor) => instance;
  accepts(axor);
});
