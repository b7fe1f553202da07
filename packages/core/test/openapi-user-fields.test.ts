import { Validator } from "@seriousme/openapi-schema-validator";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { type AxorOptions, createAxor, memoryStorage } from "../src/index.js";

interface ObjectJson {
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
}
interface DocumentJson {
  components: { schemas: { User: ObjectJson } };
  paths: Record<
    string,
    Record<string, { requestBody: { content: Record<string, { schema: ObjectJson }> } }>
  >;
}

async function servedDocument(extra: Partial<AxorOptions>): Promise<DocumentJson> {
  const axor = createAxor({
    storage: memoryStorage(),
    secret: "test-secret-test-secret-test-secret!",
    ...extra,
  });
  const response = await axor.handle({
    method: "GET",
    path: "/openapi.json",
    headers: {},
    ip: "127.0.0.1",
    protocol: "http",
  });
  expect(response.status).toBe(200);
  return JSON.parse(response.body ?? "") as DocumentJson;
}

const body = (document: DocumentJson, path: string, method: string) =>
  document.paths[path]?.[method]?.requestBody.content["application/json"]?.schema as ObjectJson;

describe("the OpenAPI document an instance serves", () => {
  it("describes the declared fields on User, register/ and change_name/ as flagged", async () => {
    const document = await servedDocument({
      userFields: {
        company: {
          schema: v.pipe(v.string(), v.maxLength(100)),
          default: "",
          register: true,
          profile: true,
          description: "Where the user works.",
        },
        seats: { schema: v.pipe(v.number(), v.integer()), default: 1, register: true },
        newsletter: { schema: v.boolean(), default: false, profile: true },
        odd: { schema: v.custom<string>((x) => typeof x === "string"), default: "" },
      },
    });
    const user = document.components.schemas.User;
    expect(user.properties.company).toEqual({
      type: "string",
      maxLength: 100,
      description: "Where the user works.",
    });
    expect(user.properties.seats).toEqual({ type: "integer" });
    expect(user.properties.odd).toEqual({}); // not expressible in JSON Schema: any value
    expect(user.required).toEqual(
      expect.arrayContaining(["company", "seats", "newsletter", "odd"]),
    );
    const register = body(document, "/register/", "post");
    expect(Object.keys(register.properties)).toEqual([
      "email",
      "password",
      "first_name",
      "last_name",
      "company",
      "seats",
    ]);
    expect(register.properties.seats).toEqual({ type: "integer", default: 1 });
    expect(register.required).toEqual(["email", "password", "first_name", "last_name"]);
    const changeName = body(document, "/change_name/", "put");
    expect(Object.keys(changeName.properties)).toEqual([
      "first_name",
      "last_name",
      "company",
      "newsletter",
    ]);
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
  });

  it('with names: "optional", neither register/ nor change_name/ requires a name', async () => {
    const document = await servedDocument({ names: "optional" });
    const register = body(document, "/register/", "post");
    expect(register.required).toEqual(["email", "password"]);
    expect(register.properties.first_name).toEqual({ type: "string" });
    expect(body(document, "/change_name/", "put").required).toEqual([]);
  });

  it("without either option it is the default document", async () => {
    const document = await servedDocument({});
    expect(Object.keys(document.components.schemas.User.properties)).toHaveLength(10);
    expect(body(document, "/register/", "post").required).toEqual([
      "email",
      "password",
      "first_name",
      "last_name",
    ]);
  });
});
