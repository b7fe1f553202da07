import { html, type SafeHtml } from "./html.js";
import { type PageContext, pageUrl } from "./page-context.js";
import type { PageError } from "./page-error.js";

/** The whole document around a page's content. */
export function layout(
  ctx: PageContext,
  title: string,
  content: SafeHtml,
  options: { wide?: boolean } = {},
): string {
  const { appName, logoUrl } = ctx.options;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${appName}</title>
<link rel="stylesheet" href="${pageUrl(ctx, "/pages.css")}">
</head>
<body>
${options.wide ? html`<main class="wide">` : html`<main>`}
<header>${logoUrl ? html`<img src="${logoUrl}" alt="">` : ""}<p class="app-name">${appName}</p></header>
<h1>${title}</h1>
${content}
</main>
</body>
</html>
`.value;
}

/** The error box: announced by screen readers (role=alert). */
export function errorBox(error: PageError | undefined): SafeHtml {
  if (!error) return html``;
  return html`<div class="alert" role="alert" id="form-error"><p><strong>${error.title}</strong></p><p>${error.detail}</p></div>`;
}

/** A notice (e.g. "Saved."), announced politely. */
export function noticeBox(text: string | undefined): SafeHtml {
  return text ? html`<div class="notice" role="status">${text}</div>` : html``;
}

/** A labelled input; its field errors are linked by aria-describedby and marked invalid. */
export function field(
  error: PageError | undefined,
  input: {
    name: string;
    label: string;
    type?: string;
    value?: string;
    autocomplete?: string;
    hint?: string;
    id?: string;
  },
): SafeHtml {
  const id = input.id ?? input.name;
  const messages = error?.fields[input.name] ?? [];
  const describedBy = [input.hint ? `${id}-hint` : "", messages.length > 0 ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return html`<label for="${id}">${input.label}</label>
<input id="${id}" name="${input.name}" type="${input.type ?? "text"}" value="${input.value ?? ""}" required${
    input.autocomplete ? html` autocomplete="${input.autocomplete}"` : ""
  }${describedBy ? html` aria-describedby="${describedBy}"` : ""}${messages.length > 0 ? html` aria-invalid="true"` : ""}>
${input.hint ? html`<p class="hint" id="${id}-hint">${input.hint}</p>` : ""}${
  messages.length > 0 ? html`<p class="field-error" id="${id}-error">${messages.join(" ")}</p>` : ""
}`;
}

/** A POST form to `action` carrying the CSRF token. */
export function postForm(
  ctx: PageContext,
  action: string,
  content: SafeHtml,
  label?: string,
): SafeHtml {
  return html`<form method="post" action="${action}"${label ? html` aria-label="${label}"` : ""}>
<input type="hidden" name="csrf" value="${ctx.csrfToken}">
${content}
</form>`;
}
