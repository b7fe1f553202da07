import { seedSessionTable } from "./bench-database.ts";
import { writeFileSync } from "node:fs";
const t = performance.now();
const table = await seedSessionTable(Number(process.argv[2]));
writeFileSync(process.argv[3]!, JSON.stringify({ path: table.path, keys: table.keys.filter((_, i) => i % 1000 === 0) }));
console.log("seeded in", ((performance.now() - t) / 1000).toFixed(1), "s");
