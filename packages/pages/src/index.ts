export { type AxorPages, axorPages } from "./axor-pages.js";
export { defaultLabels, type PageLabels } from "./default-labels.js";
export type { PagesOptions } from "./pages-options.js";
export { safeRedirect } from "./safe-redirect.js";
