import { defineConfig } from "vitest/config";
import { sourceAliases } from "./vitest.shared.js";
import projects from "./vitest.workspace.js";

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    projects: projects.map((root) => ({
      extends: true,
      test: {
        name: root.split("/").pop(),
        root,
        include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      },
    })),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
