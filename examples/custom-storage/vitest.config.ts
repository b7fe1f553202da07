import { defineConfig } from "vitest/config";
import { sourceAliases } from "../../vitest.shared.js";

/** Runs this example's tests on its own: `pnpm --filter @axor/example-custom-storage test`. */
export default defineConfig({
  resolve: { alias: sourceAliases },
  test: { include: ["test/**/*.test.ts"], testTimeout: 20_000 },
});
