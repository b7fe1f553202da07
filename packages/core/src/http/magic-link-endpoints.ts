import { consumeMagicLink, requestMagicLink } from "../auth/magic-link.js";
import { jsonResponse } from "./json-response.js";
import type { Endpoint } from "./route.js";
import { loginResponse } from "./session-endpoints.js";

/** `POST magic_link/request/`: 204 always (see `requestMagicLink`). */
export const requestMagicLinkEndpoint: Endpoint = {
  auth: false,
  body: true,
  async run({ ctx, body, client }) {
    await requestMagicLink(ctx, body, client);
    return jsonResponse(204, undefined);
  },
};

/** `POST magic_link/consume/`: 200 login response, with the session cookie in web mode. */
export const consumeMagicLinkEndpoint: Endpoint = {
  auth: false,
  setsCookie: true,
  body: true,
  run: async ({ ctx, body, client }) =>
    loginResponse(ctx, 200, await consumeMagicLink(ctx, body, client), client),
};
