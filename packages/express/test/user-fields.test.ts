import { createAxor } from "@axor/core";
import { ADAPTER_API_PATH, type AdapterServer } from "@axor/testing";
import * as v from "valibot";
import { afterEach, describe, expect, it } from "vitest";
import { describeOnTestDatabases } from "../../../test-support/test-databases.js";
import { startExpressServer } from "./support/start-express-server.js";

const userFields = {
  company: {
    schema: v.pipe(v.string(), v.trim(), v.maxLength(100, "At most 100 characters.")),
    default: "",
    register: true,
    profile: true,
  },
  newsletter: { schema: v.boolean(), default: false, profile: true },
  plan: { schema: v.picklist(["free", "pro"]), default: "free" },
};

/** Additional user fields over real HTTP, through Express, on a real database. */
describeOnTestDatabases((kind, database) => {
  describe(`Express on ${kind}: additional user fields`, () => {
    let server: AdapterServer | undefined;
    afterEach(async () => {
      await server?.close();
    });

    async function start() {
      const axor = createAxor({
        storage: await database.freshStorage(),
        secret: "test-secret-test-secret-test-secret!",
        argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
        rateLimits: false,
        mailer: { send: async () => {} },
        userFields,
      });
      server = await startExpressServer({
        axor,
        mountPath: ADAPTER_API_PATH,
        routes: [{ path: "/app/whoami", guards: ["requireAuth"], reply: (auth) => auth?.user }],
      });
      const origin = server.origin;
      const send = async (method: string, path: string, body?: unknown, key?: string) => {
        const response = await fetch(`${origin}${path}`, {
          method,
          headers: {
            "content-type": "application/json",
            "x-requested-by": "mobile_app",
            ...(key ? { authorization: `Bearer ${key}` } : {}),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return {
          status: response.status,
          type: response.headers.get("content-type"),
          json: (await response.json()) as any,
        };
      };
      return { axor, send };
    }

    it("register/, me/, change_name/ and the app's own route all carry the fields", async () => {
      const { axor, send } = await start();
      const email = `fields-${Date.now()}@example.com`;
      const registered = await send("POST", `${ADAPTER_API_PATH}/register/`, {
        email,
        password: "correct horse battery",
        first_name: "Ada",
        last_name: "Lovelace",
        company: " Analytical Engines ",
        plan: "pro", // not register: true, ignored like any unknown key
      });
      expect(registered.status).toBe(201);
      expect(registered.json.user).toMatchObject({
        email,
        company: "Analytical Engines",
        newsletter: false,
        plan: "free",
      });
      const key = registered.json.session.key as string;
      const me = await send("GET", `${ADAPTER_API_PATH}/me/`, undefined, key);
      expect(me.json.user).toEqual(registered.json.user);

      const changed = await send(
        "PUT",
        `${ADAPTER_API_PATH}/change_name/`,
        { first_name: "Ada", last_name: "King", newsletter: true },
        key,
      );
      expect(changed.status).toBe(200);
      expect(changed.json.user).toMatchObject({
        last_name: "King",
        company: "Analytical Engines",
        newsletter: true,
      });
      const own = await send("GET", "/app/whoami", undefined, key);
      expect(own.json).toMatchObject({ company: "Analytical Engines", newsletter: true });
      expect((await axor.users.getByEmail(email))?.newsletter).toBe(true);
    });

    it("a bad value answers the contract's ValidationError envelope and writes nothing", async () => {
      const { axor, send } = await start();
      const email = `bad-fields-${Date.now()}@example.com`;
      const answer = await send("POST", `${ADAPTER_API_PATH}/register/`, {
        email,
        password: "correct horse battery",
        first_name: "Ada",
        last_name: "Lovelace",
        company: "x".repeat(101),
      });
      expect(answer.status).toBe(400);
      expect(answer.type).toMatch(/^application\/problem\+json/);
      expect(answer.json).toMatchObject({
        code: "ValidationError",
        status: "400",
        instance: `${ADAPTER_API_PATH}/register/`,
        errors: { company: ["At most 100 characters."] },
      });
      expect(await axor.users.getByEmail(email)).toBeNull();
    });
  });
});
