import type { SecurityEvent } from "@axor/core";
import { describe, expect, it } from "vitest";
import { expectUser } from "./api-object-assertions.js";
import { registerAccount } from "./contract-accounts.js";
import type { ContractClient } from "./contract-client.js";
import type { StartContractServer } from "./contract-server.js";
import { useContractServer } from "./contract-server-hooks.js";
import { FakeClock } from "./fake-clock.js";
import { expectProblem, expectValidationError } from "./problem-assertions.js";

interface UserBody {
  user: Record<string, unknown> & { first_name: string; last_name: string; updated_at: string };
}

const changeName = (client: ContractClient, json: unknown, headers?: Record<string, string>) =>
  client.send("PUT", "change_name/", headers ? { json, headers } : { json });

/** `change_name/`: both modes, validation as at register, a new updated_at, auth and CSRF. */
export function describeChangeNameContract(start: StartContractServer): void {
  describe("change_name/", () => {
    const clock = new FakeClock();
    const events: SecurityEvent[] = [];
    const ctx = useContractServer(
      start,
      { now: () => clock.now(), onEvent: (event) => events.push(event) },
      () => clock.now(),
    );

    for (const mode of ["web", "app"] as const) {
      it(`answers 200 {"user"} with the new names and a new updated_at (${mode})`, async () => {
        const client = ctx.client(mode);
        const { body: registered } = await registerAccount(client);
        clock.advanceSeconds(5);
        const response = await changeName(client, { first_name: "Grace", last_name: "Hopper" });
        expect(response.status, response.text).toBe(200);
        const body = response.body as UserBody;
        expect(Object.keys(body)).toEqual(["user"]);
        expectUser(body.user, { first_name: "Grace", last_name: "Hopper" });
        expect(Date.parse(body.user.updated_at)).toBeGreaterThan(
          Date.parse(String(registered.user.updated_at)),
        );
        expect(body.user).toEqual({
          ...registered.user,
          first_name: "Grace",
          last_name: "Hopper",
          updated_at: body.user.updated_at,
        });
        const me = await client.get("me/");
        expect(me.body).toEqual({ user: body.user });
      });
    }

    it("trims the names and keeps any characters a name may have", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const response = await changeName(web, {
        first_name: "  José ",
        last_name: " 李 O'Brien-Søren ",
      });
      expect(response.status, response.text).toBe(200);
      expectUser((response.body as UserBody).user, {
        first_name: "José",
        last_name: "李 O'Brien-Søren",
      });
    });

    it("accepts 150 characters and refuses 151", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const ok = await changeName(web, { first_name: "a".repeat(150), last_name: "b" });
      expect(ok.status, ok.text).toBe(200);
      const long = await changeName(web, { first_name: "a", last_name: "b".repeat(151) });
      expectValidationError(long, "change_name/", "last_name");
    });

    it("records a name_changed security event", async () => {
      const web = ctx.client();
      const { body } = await registerAccount(web);
      expect((await changeName(web, { first_name: "G", last_name: "H" })).status).toBe(200);
      expect(events.some((e) => e.userId === body.user.id && e.type === "name_changed")).toBe(true);
    });

    it("answers 400 ValidationError to a missing, blank or non-string name and changes nothing", async () => {
      const app = ctx.client("app");
      const { body: registered } = await registerAccount(app);
      const cases: [unknown, string][] = [
        [{ last_name: "H" }, "first_name"],
        [{ first_name: "G" }, "last_name"],
        [{ first_name: "   ", last_name: "H" }, "first_name"],
        [{ first_name: "G", last_name: "" }, "last_name"],
        [{ first_name: 7, last_name: "H" }, "first_name"],
        [{ first_name: "G", last_name: null }, "last_name"],
        [{ first_name: "G\u0000", last_name: "H" }, "first_name"],
      ];
      for (const [body, field] of cases) {
        expectValidationError(await changeName(app, body), "change_name/", field);
      }
      expectProblem(await changeName(app, ["G", "H"]), "change_name/", "ValidationError");
      expect((await app.get("me/")).body).toEqual({ user: registered.user });
    });

    it("answers 401 NotAuthenticated without a credential, in both modes", async () => {
      for (const mode of ["web", "app"] as const) {
        const response = await changeName(ctx.client(mode), { first_name: "G", last_name: "H" });
        expectProblem(response, "change_name/", "NotAuthenticated");
      }
    });

    it("answers 401 NotAuthenticated before validating the body", async () => {
      expectProblem(await changeName(ctx.client(), {}), "change_name/", "NotAuthenticated");
    });

    it("answers 403 CSRFFailed to a cookie request from a foreign Origin, and changes nothing", async () => {
      const web = ctx.client();
      const { body: registered } = await registerAccount(web);
      const response = await changeName(
        web,
        { first_name: "Mallory", last_name: "X" },
        { origin: "https://evil.example.net" },
      );
      expectProblem(response, "change_name/", "CSRFFailed");
      expect((await web.get("me/")).body).toEqual({ user: registered.user });
    });

    it("answers 405 with Allow: PUT to another method", async () => {
      const web = ctx.client();
      await registerAccount(web);
      const response = await web.post("change_name/", { first_name: "G", last_name: "H" });
      expectProblem(response, "change_name/", "MethodNotAllowed");
      expect(response.headers.get("allow")).toContain("PUT");
    });
  });
}
