/**
 * The page's shell: one HTML document with its style and its one script
 * inline, nothing fetched, so it works opened from a file as well as from
 * `jobmatch app`'s local server. The script is the whole app (./main.ts),
 * and also the Web Worker's code: the page starts the worker from the
 * script's own text.
 */

const STYLE = `
:root{--ink:#1d2330;--muted:#5b6475;--line:#e3e6ec;--accent:#0b5394;--bad:#b3261e;--ok:#1b6e3a;--bg:#f6f7f9}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans JP",sans-serif;margin:0;color:var(--ink);background:var(--bg);font-size:14px}
header{background:#14365e;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:20px} header p{margin:4px 0 0;color:#d6e2f2;font-size:13px}
main{max-width:1180px;margin:0 auto;padding:16px 24px 64px}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:14px 18px;margin:14px 0}
section h2{font-size:16px;margin:0 0 8px} h3{font-size:14px;margin:14px 0 6px}
.drop{border:2px dashed #9fb3cc;border-radius:6px;padding:18px;text-align:center;color:var(--muted)}
.drop.over{background:#eef4fb;border-color:var(--accent)}
button{font:inherit;padding:5px 12px;border:1px solid #9fb3cc;background:#fff;border-radius:4px;cursor:pointer;margin:2px 4px 2px 0}
button.primary{background:var(--accent);color:#fff;border-color:var(--accent)}
button:disabled{opacity:.5;cursor:default}
button.link{border:none;background:none;color:var(--accent);padding:0;text-decoration:underline;margin:0}
table{border-collapse:collapse;margin:6px 0;font-size:13px}
th,td{padding:3px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #cfd5df;background:#fafbfc}
table.summary td:not(:first-child){text-align:right}
.hint{color:var(--muted);font-size:12.5px;margin:4px 0}
.status{font-weight:600} .status.optimal{color:var(--ok)} .status.infeasible,.status.error{color:var(--bad)}
.bad{color:var(--bad)} .ok{color:var(--ok)}
.issues td.found{font-family:ui-monospace,monospace;color:var(--bad)}
.diagnosis{border-left:4px solid var(--bad);padding:4px 12px;background:#fdf3f2;margin:8px 0}
.filters{display:flex;flex-wrap:wrap;gap:10px;margin:6px 0}
label{display:block;margin:4px 0}
.filters label{display:inline-block}
pre.explain{white-space:pre-wrap;background:#f3f6fa;border:1px solid var(--line);padding:10px;border-radius:4px;font-size:13px}
progress{width:260px;vertical-align:middle}
.chart svg{max-width:100%;height:auto}
.rows{max-height:520px;overflow:auto}
figure{margin:10px 0} figcaption{margin:0 0 2px}
`;

/** The page, with the bundled app script inline (`</script` inside it is escaped by the builder). */
export const pageHtml = (script: string, title = "jobmatch workbench"): string =>
  [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may leave the machine: no request to any other address, from the page or its worker.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'">`,
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    '<header><h1>jobmatch workbench</h1><p id="privacy">Everything runs in this page, on this computer: your files are read here and nothing is sent anywhere (the page has no network access at all).</p></header>',
    '<main id="app"><p>Loading…</p><noscript>This page needs JavaScript.</noscript></main>',
    `<script id="jobmatch-app">${script}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
