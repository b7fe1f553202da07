import { changeName } from "../auth/change-name.js";
import { jsonResponse } from "./json-response.js";
import type { Endpoint } from "./route.js";

/** `PUT change_name/`: 200 `{"user": User}` with the new names. */
export const changeNameEndpoint: Endpoint = {
  auth: true,
  body: true,
  async run({ ctx, body, client, session }) {
    if (!session) throw new Error("change_name/ runs only for an authenticated request");
    return jsonResponse(200, { user: await changeName(ctx, session.user, body, client) });
  },
};
