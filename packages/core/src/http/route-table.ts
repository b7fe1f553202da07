import type { RouteTable } from "./route.js";
import {
  loginEndpoint,
  logoutEndpoint,
  meEndpoint,
  registerEndpoint,
} from "./session-endpoints.js";

/** Every endpoint of the contract, relative to the mount path. One line each. */
export const routeTable: RouteTable = {
  "/register/": { POST: registerEndpoint },
  "/login/": { POST: loginEndpoint },
  "/logout/": { POST: logoutEndpoint },
  "/me/": { GET: meEndpoint },
};
