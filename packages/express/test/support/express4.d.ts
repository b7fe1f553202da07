// Express 4 is installed as "express4" for the compatibility test; its API used there
// (express(), express.json(), app.use, app.get) has the same shape as Express 5's types.
declare module "express4" {
  import express from "express";
  export default express;
}
