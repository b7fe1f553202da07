import { describe, expect, it } from "vitest";
import { html, SafeHtml } from "../src/html.js";

describe("html", () => {
  it("escapes every interpolated value, in text and in attributes", () => {
    const name = `<script>alert("x")</script>' & more`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#39; &#38; more">' +
        "&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#39; &#38; more</p>",
    );
  });

  it("keeps nested html, joins arrays and drops null, undefined and false", () => {
    const items = ["<a>", "b"].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe(
      "<ul><li>&#60;a&#62;</li><li>b</li></ul>0",
    );
    expect(html`${new SafeHtml("<b>")}`.value).toBe("<b>");
  });
});
