import { defineConfig } from "drizzle-kit";

// `pnpm db:generate` writes a new SQL migration under migrations/ after a change to
// src/schema.ts. It needs no database; the app applies the migrations itself at start-up.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema.ts",
  out: "./migrations",
});
