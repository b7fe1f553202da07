import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const outputRoot = fileURLToPath(new URL("../../test-output/", import.meta.url));

/** Writes a full-page screenshot to packages/pages/test-output/<folder>/<name>.png (git-ignored). */
export async function screenshot(page: Page, folder: string, name: string): Promise<void> {
  await mkdir(`${outputRoot}${folder}`, { recursive: true });
  await page.screenshot({ path: `${outputRoot}${folder}/${name}.png`, fullPage: true });
}

/**
 * Runs axe-core in the page (evaluated through the debugging protocol, which the page's CSP
 * does not govern) and expects no serious or critical violation.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string | null; help: string }[] }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map(({ id, impact, help }) => ({ id, impact, help }));
  });
  expect(
    violations.filter((item) => item.impact === "serious" || item.impact === "critical"),
  ).toEqual([]);
}
