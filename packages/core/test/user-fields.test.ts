import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { AxorError, type AxorRequest, createAxor, memoryStorage } from "../src/index.js";
import { uniqueEmail } from "./test-axor.js";

const secret = "test-secret-test-secret-test-secret!";
const argon2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
const base = { secret, argon2, rateLimits: false as const, mailer: { send: async () => {} } };
const password = "correct horse battery";

const userFields = {
  company: {
    schema: v.pipe(v.string(), v.trim(), v.maxLength(20, "At most 20 characters.")),
    default: "",
    register: true,
    profile: true,
  },
  referrer: { schema: v.nullable(v.string()), default: null, register: true },
  newsletter: { schema: v.boolean(), default: false, profile: true },
  seats: { schema: v.pipe(v.number(), v.integer(), v.minValue(1)), default: 1 },
};

function setup(extra: { names?: "required" | "optional" } = {}) {
  const storage = memoryStorage();
  const axor = createAxor({ ...base, storage, userFields, ...extra });
  return { axor, storage };
}

/** A JSON request to `axor.handle` from an app client (Bearer, no cookie). */
function request(method: string, path: string, body?: unknown, key?: string): AxorRequest {
  return {
    method,
    path,
    headers: {
      "content-type": "application/json",
      "x-requested-by": "mobile_app",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    ip: "127.0.0.1",
    protocol: "http",
  };
}

async function call(
  axor: { handle(request: AxorRequest): Promise<{ status: number; body: string | null }> },
  ...args: Parameters<typeof request>
) {
  const response = await axor.handle(request(...args));
  return { status: response.status, json: JSON.parse(response.body ?? "null") };
}

const registerBody = (extra: Record<string, unknown> = {}) => ({
  email: uniqueEmail(),
  password,
  first_name: "Ada",
  last_name: "Lovelace",
  ...extra,
});

describe("userFields option, at startup", () => {
  const expectStartupError = (fields: unknown, message: RegExp) =>
    expect(() =>
      createAxor({ ...base, storage: memoryStorage(), userFields: fields as never }),
    ).toThrow(message);

  it("accepts good declarations", () => {
    expect(() => setup()).not.toThrow();
  });

  it("refuses a name that is not snake_case", () => {
    expectStartupError(
      { Company: { schema: v.string(), default: "" } },
      /Invalid Axor option "userFields.Company": must be a snake_case name/,
    );
    expectStartupError({ "my-field": { schema: v.string(), default: "" } }, /snake_case/);
  });

  it("refuses a built-in User key or request field, and Object.prototype names", () => {
    for (const name of ["email", "first_name", "is_active", "password", "email_verified"]) {
      expectStartupError(
        { [name]: { schema: v.string(), default: "" } },
        new RegExp(`"userFields.${name}": is a built-in User key`),
      );
    }
    expectStartupError(
      { constructor: { schema: v.string(), default: "" } },
      /"userFields": names a field "constructor", a name every JavaScript object has/,
    );
  });

  it("refuses a default that fails its own schema, or is missing, or is not JSON", () => {
    expectStartupError(
      { seats: { schema: v.number(), default: "many" } },
      /"userFields.seats.default": must pass the field's own schema/,
    );
    expectStartupError(
      { seats: { schema: v.number() } },
      /"userFields.seats.default": is required/,
    );
    expectStartupError(
      { born: { schema: v.date(), default: new Date(0) } },
      /"userFields.born.default": .*JSON value/,
    );
  });

  it("refuses something that is not a synchronous valibot schema", () => {
    expectStartupError({ a: { schema: { type: "string" }, default: "" } }, /"userFields.a.schema"/);
    expectStartupError(
      { a: { schema: v.pipeAsync(v.string()), default: "" } },
      /"userFields.a.schema": must be a valibot schema \(a synchronous one\)/,
    );
  });

  it("refuses a bad flag and a bad names option", () => {
    expectStartupError(
      { a: { schema: v.string(), default: "", register: "yes" } },
      /"userFields.a.register"/,
    );
    expect(() =>
      createAxor({ ...base, storage: memoryStorage(), names: "maybe" as never }),
    ).toThrow(/Invalid Axor option "names"/);
  });
});

describe("register/ with userFields", () => {
  it("stores the fields it is sent, defaults the rest, and returns them on User", async () => {
    const { axor, storage } = setup();
    const { status, json } = await call(
      axor,
      "POST",
      "/register/",
      registerBody({ company: "  Analytical  ", referrer: "grace" }),
    );
    expect(status).toBe(201);
    expect(json.user).toMatchObject({
      company: "Analytical",
      referrer: "grace",
      newsletter: false,
      seats: 1,
    });
    expect(Object.keys(json.user).slice(-4)).toEqual([
      "company",
      "referrer",
      "newsletter",
      "seats",
    ]);
    const stored = await storage.getUserById(json.user.id);
    expect(stored?.fields).toEqual({ company: "Analytical", referrer: "grace" });
    const me = await call(axor, "GET", "/me/", undefined, json.session.key);
    expect(me.json.user).toEqual(json.user);
  });

  it("missing fields take their default", async () => {
    const { axor } = setup();
    const { json } = await call(axor, "POST", "/register/", registerBody());
    expect(json.user).toMatchObject({ company: "", referrer: null, newsletter: false, seats: 1 });
  });

  it("a bad value is a ValidationError under the field's name, and nothing is written", async () => {
    const { axor } = setup();
    const body = registerBody({ company: "x".repeat(21), referrer: 7 });
    const { status, json } = await call(axor, "POST", "/register/", body);
    expect(status).toBe(400);
    expect(json.code).toBe("ValidationError");
    expect(json.errors.company).toEqual(["At most 20 characters."]);
    expect(json.errors.referrer).toHaveLength(1);
    expect(await axor.users.getByEmail(body.email)).toBeNull();
  });

  it("ignores fields without register: true, and undeclared keys, as it ignores any unknown key", async () => {
    const { axor, storage } = setup();
    const { status, json } = await call(
      axor,
      "POST",
      "/register/",
      registerBody({ newsletter: true, seats: 9, shoe_size: 44 }),
    );
    expect(status).toBe(201);
    expect(json.user).toMatchObject({ newsletter: false, seats: 1 });
    expect(json.user).not.toHaveProperty("shoe_size");
    expect((await storage.getUserById(json.user.id))?.fields).toEqual({
      company: "",
      referrer: null,
    });
  });

  it("still requires both names by default", async () => {
    const { axor } = setup();
    const { status, json } = await call(axor, "POST", "/register/", {
      email: uniqueEmail(),
      password,
      first_name: "",
    });
    expect(status).toBe(400);
    expect(json.errors).toEqual({
      first_name: ["This field may not be blank."],
      last_name: ["This field is required."],
    });
  });
});

describe("change_name/ with userFields", () => {
  async function signedUp(extra: { names?: "required" | "optional" } = {}) {
    const env = setup(extra);
    const { json } = await call(env.axor, "POST", "/register/", registerBody({ company: "Old" }));
    return { ...env, key: json.session.key as string, id: json.user.id as string };
  }

  it("sets the profile fields it is sent and leaves the others", async () => {
    const { axor, key } = await signedUp();
    const { status, json } = await call(
      axor,
      "PUT",
      "/change_name/",
      { first_name: "Ada", last_name: "King", newsletter: true },
      key,
    );
    expect(status).toBe(200);
    expect(json.user).toMatchObject({ last_name: "King", newsletter: true, company: "Old" });
  });

  it("ignores fields without profile: true", async () => {
    const { axor, key } = await signedUp();
    const { json } = await call(
      axor,
      "PUT",
      "/change_name/",
      { first_name: "Ada", last_name: "King", referrer: "me", seats: 5 },
      key,
    );
    expect(json.user).toMatchObject({ referrer: null, seats: 1 });
  });

  it("a bad value is a ValidationError and nothing changes", async () => {
    const { axor, key, id } = await signedUp();
    const { status, json } = await call(
      axor,
      "PUT",
      "/change_name/",
      { first_name: "Zed", last_name: "King", newsletter: "yes" },
      key,
    );
    expect(status).toBe(400);
    expect(Object.keys(json.errors)).toEqual(["newsletter"]);
    expect(await axor.users.get(id)).toMatchObject({ first_name: "Ada", newsletter: false });
  });
});

describe('names: "optional"', () => {
  it("register/ takes no names, or empty ones, and stores them as empty", async () => {
    const { axor } = setup({ names: "optional" });
    const none = await call(axor, "POST", "/register/", { email: uniqueEmail(), password });
    expect(none.status).toBe(201);
    expect(none.json.user).toMatchObject({ first_name: "", last_name: "" });
    const blank = await call(axor, "POST", "/register/", registerBody({ first_name: "  " }));
    expect(blank.json.user).toMatchObject({ first_name: "", last_name: "Lovelace" });
    const long = await call(
      axor,
      "POST",
      "/register/",
      registerBody({ last_name: "x".repeat(151) }),
    );
    expect(long.status).toBe(400);
  });

  it("change_name/ changes only the names it is sent", async () => {
    const { axor } = setup({ names: "optional" });
    const { json } = await call(axor, "POST", "/register/", registerBody());
    const key = json.session.key;
    const onlyField = await call(axor, "PUT", "/change_name/", { company: "New" }, key);
    expect(onlyField.status).toBe(200);
    expect(onlyField.json.user).toMatchObject({
      first_name: "Ada",
      last_name: "Lovelace",
      company: "New",
    });
    const cleared = await call(axor, "PUT", "/change_name/", { last_name: "" }, key);
    expect(cleared.json.user).toMatchObject({ first_name: "Ada", last_name: "" });
  });
});

describe("server-side API with userFields", () => {
  it("users.create takes every declared field, with the same validation and codes", async () => {
    const { axor } = setup();
    const user = await axor.users.create({
      email: uniqueEmail(),
      first_name: "Grace",
      last_name: "Hopper",
      seats: 4,
      newsletter: true,
    });
    expect(user).toMatchObject({ seats: 4, newsletter: true, company: "" });
    const bad = axor.users.create({
      email: uniqueEmail(),
      first_name: "G",
      last_name: "H",
      seats: 0,
    });
    await expect(bad).rejects.toBeInstanceOf(AxorError);
    await expect(bad).rejects.toMatchObject({ code: "ValidationError", status: 400 });
  });

  it("users.updateFields sets any declared field, validates, and leaves the others", async () => {
    const { axor } = setup();
    const user = await axor.users.create({ email: uniqueEmail(), first_name: "A", last_name: "B" });
    const updated = await axor.users.updateFields(user.id, { referrer: "ads", seats: 3 });
    expect(updated).toMatchObject({ referrer: "ads", seats: 3, company: "", newsletter: false });
    await expect(axor.users.updateFields(user.id, { seats: 1.5 })).rejects.toMatchObject({
      code: "ValidationError",
      errors: { seats: expect.any(Array) },
    });
    expect(await axor.users.get(user.id)).toMatchObject({ seats: 3 });
    await expect(
      axor.users.updateFields("7c9e6679-7425-40de-944b-e07fc1f90ae7", { seats: 2 }),
    ).rejects.toMatchObject({ code: "UserNotFound" });
  });

  it("get, getByEmail, list and register return the fields; stored values win over defaults", async () => {
    const { axor, storage } = setup();
    const user = await axor.users.create({ email: uniqueEmail(), first_name: "A", last_name: "B" });
    await storage.updateUser(user.id, { fields: { company: "Raw" }, updatedAt: new Date() });
    expect(await axor.users.get(user.id)).toMatchObject({ company: "Raw", seats: 1 });
    expect(await axor.users.getByEmail(user.email)).toMatchObject({ company: "Raw" });
    const { users } = await axor.users.list({ search: user.email });
    expect(users[0]).toMatchObject({ company: "Raw", newsletter: false });
    const { response } = await axor.register(registerBody({ company: "Reg" }), {
      ip: "127.0.0.1",
      userAgent: "vitest",
      mode: "web",
      credential: null,
    });
    expect(response.user.company).toBe("Reg");
  });

  it("a user stored before the fields were declared reads with the defaults", async () => {
    const storage = memoryStorage();
    const plain = createAxor({ ...base, storage });
    const old = await plain.users.create({ email: uniqueEmail(), first_name: "A", last_name: "B" });
    expect(old).not.toHaveProperty("company");
    const withFields = createAxor({ ...base, storage, userFields });
    expect(await withFields.users.get(old.id)).toMatchObject({
      company: "",
      referrer: null,
      newsletter: false,
      seats: 1,
    });
  });
});
