import type { ResolvedPagesOptions } from "./pages-options.js";

/** The pages' stylesheet, served at `<mount>/pages.css`; colours from the options (validated hex). */
export function stylesheet(colors: ResolvedPagesOptions["colors"]): string {
  return `:root{--primary:${colors.primary};--bg:${colors.background};--text:${colors.text}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--text)}
main{max-width:26rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #d0d7de;border-radius:8px}
main.wide{max-width:40rem}
header{text-align:center;margin-bottom:1rem}
header img{max-height:48px;max-width:12rem}
.app-name{font-weight:600;margin:.25rem 0 0}
h1{font-size:1.5rem;margin:0 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem;padding-top:1rem;border-top:1px solid #d0d7de}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=text],input[type=email],input[type=password]{width:100%;padding:.5rem .6rem;font:inherit;border:1px solid #8c959f;border-radius:6px;background:#fff;color:inherit}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid var(--primary);outline-offset:2px}
input[aria-invalid=true]{border-color:#cf222e}
button{margin-top:1rem;padding:.55rem 1rem;font:inherit;font-weight:600;color:#fff;background:var(--primary);border:0;border-radius:6px;cursor:pointer}
button.secondary{color:var(--text);background:#eaeef2;border:1px solid #8c959f}
a{color:var(--primary)}
.hint{font-size:.875rem;color:#57606a;margin:.25rem 0 0}
.field-error{font-size:.875rem;color:#a40e26;margin:.25rem 0 0}
.alert{padding:.75rem 1rem;margin:0 0 1rem;border-radius:6px;border:1px solid #cf222e;background:#ffebe9;color:#82071e}
.alert p{margin:0}
.notice{padding:.75rem 1rem;margin:0 0 1rem;border-radius:6px;border:1px solid #1a7f37;background:#dafbe1;color:#0f5323}
.links{margin-top:1.5rem;font-size:.9rem}
.links a{display:block;margin:.25rem 0}
.qr{display:block;width:200px;height:200px;margin:.5rem auto}
.key,.codes{font-family:ui-monospace,Menlo,Consolas,monospace}
.key{word-break:break-all}
.codes{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.25rem 1rem;list-style:none;padding:0}
.sessions{list-style:none;padding:0}
.sessions li{padding:.5rem 0;border-bottom:1px solid #d0d7de}
.sessions form{display:inline}
.sessions button{margin:0 0 0 .5rem;padding:.2rem .6rem;font-size:.875rem}
`;
}
