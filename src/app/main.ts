/**
 * The officers' workbench: one page that loads the workers and employers
 * (spreadsheets, an instance JSON, or the bundled pilot), lists every issue
 * where it was typed and lets it be fixed in place, states the policy in
 * forms, solves in a Web Worker with progress and a cancel button, shows and
 * explains the result, compares two runs, and downloads the result and the
 * instance. Everything happens in the page; nothing is sent anywhere.
 *
 * This one script is also the worker (./worker.ts): inside a worker it only
 * answers requests.
 */
import * as E from "fp-ts/lib/Either.js";
import { KAGAWA_PILOT_PARAMS, generateInstance } from "../generate/generate.js";
import { formatInstanceJson } from "../generate/json.js";
import { decodeInstance } from "../input/decode.js";
import type { Instance } from "../input/instance.js";
import { formatIssue } from "../input/issues.js";
import { formatNotices } from "../input/notices.js";
import { instanceToWorkbook, resultToWorkbook } from "../io/convert.js";
import { instanceToCsv, resultToCsv } from "../io/csv.js";
import { cellText, type CellIssue } from "../io/locate.js";
import { renderHtmlReport } from "../report/html.js";
import type { MatchResult } from "../result/types.js";
import { compareResults, type LabelledResult } from "../scenario/compare.js";
import pilotPolicy from "../../examples/data/kagawa-policy.json";
import { check, cellValue, editCell, editPath, readDropped, type Checked, type Source } from "./data.js";
import { download, fill, h, table } from "./dom.js";
import { emptyPolicy, fromPolicy, renderPolicyForm, toPolicy } from "./policyForm.js";
import type { Reply, Request } from "./protocol.js";
import { renderComparison, renderResult } from "./results.js";
import { answer, serve } from "./worker.js";

interface Run {
  readonly name: string;
  readonly result: MatchResult;
  readonly instance: Instance;
  readonly input: Record<string, unknown>;
}

const start = (): void => {
  const app = document.getElementById("app") as HTMLElement;
  let source: Source = { kind: "sheets", workers: null, employers: null, notices: [] };
  const policy = emptyPolicy();
  const reference: Record<string, unknown> = {};
  let checked: Checked | null = null;
  let current: Run | null = null;
  let pinned: LabelledResult | null = null;
  let runs = 0;

  // --- the worker: started from this script's own text; without one (an old browser), requests run here
  const scriptText = document.getElementById("jobmatch-app")?.textContent ?? "";
  let worker: Worker | null = null;
  const listeners = new Map<number, (r: Reply) => void>();
  let nextId = 1;
  const startWorker = (): void => {
    try {
      worker = new Worker(URL.createObjectURL(new Blob([scriptText], { type: "text/javascript" })));
      worker.onmessage = (e: MessageEvent) => listeners.get((e.data as Reply).id)?.(e.data as Reply);
    } catch {
      worker = null;
    }
  };
  startWorker();
  type Ask = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never;
  const ask = (req: Ask, on: (r: Reply) => void): number => {
    const id = nextId++;
    listeners.set(id, on);
    const full = { ...req, id } as Request;
    if (worker !== null) worker.postMessage(full);
    else setTimeout(() => on(answer(full, on)), 0);
    return id;
  };

  // --- layout
  const status = h("p", { class: "hint", id: "data-status" }, "No data yet.");
  const fileInput = h("input", { type: "file", multiple: true, id: "files", accept: ".csv,.tsv,.txt,.xlsx,.json" });
  const drop = h("div", { class: "drop", id: "drop" }, h("p", {}, "Drop the workers and employers files here (CSV in UTF-8 or Shift-JIS, any separator, or Excel .xlsx; an instance .json; a policy .json or quotas .csv), or ", fileInput));
  const issuesBox = h("div", { id: "issues" });
  const policyBox = h("div", { id: "policy-form" });
  const asOf = h("input", { type: "date", id: "as-of", "aria-label": "minimum wages as of", onchange: () => {
    const v = (asOf as HTMLInputElement).value;
    if (v === "") delete reference.asOf;
    else reference.asOf = v;
    recheck();
  } });
  const timeLimit = h("input", { type: "number", id: "time-limit", min: 1, value: 60, style: "width:6em", "aria-label": "time limit in seconds" });
  const solveButton = h("button", { class: "primary", id: "solve", onclick: () => solve() }, "Solve");
  const cancelButton = h("button", { id: "cancel", disabled: true, onclick: () => cancel() }, "Cancel");
  const progress = h("progress", { id: "progress", hidden: true });
  const solveStatus = h("span", { id: "solve-status", class: "hint" });
  const resultBox = h("div", { id: "result" }, h("p", { class: "hint" }, "Solve to see the result."));
  const explainBox = h("pre", { class: "explain", id: "explanation", hidden: true });
  const compareBox = h("div", { id: "comparison" }, h("p", { class: "hint" }, "Keep a run, change the policy or the data (a what-if), solve again: the two runs appear side by side."));
  const keepButton = h("button", { id: "keep", disabled: true, onclick: () => keep() }, "Keep this run for comparison");
  const downloads = h("div", { id: "downloads" });

  fill(
    app,
    h("section", {}, h("h2", {}, "1. Data"), drop, h("div", { class: "buttons" }, h("button", { id: "open-pilot", onclick: () => openPilot() }, "Open the bundled Kagawa pilot"), h("button", { id: "pilot-csv", onclick: () => pilotSheets("csv") }, "Pilot as CSV files"), h("button", { id: "pilot-xlsx", onclick: () => void pilotSheets("xlsx") }, "Pilot as an Excel workbook")), h("label", {}, "Minimum wages as of ", asOf, h("span", { class: "hint" }, " (spreadsheets only; a JSON instance has its own)")), status),
    h("section", {}, h("h2", {}, "2. Check"), issuesBox),
    h("section", {}, h("h2", {}, "3. Policy"), h("button", { id: "pilot-policy", onclick: () => { Object.assign(policy, fromPolicy(pilotPolicy)); redrawPolicy(); recheck(); } }, "Use the pilot's policy"), policyBox),
    h("section", {}, h("h2", {}, "4. Solve"), h("label", {}, "Time limit ", timeLimit, " seconds"), solveButton, cancelButton, " ", progress, " ", solveStatus),
    h("section", {}, h("h2", {}, "5. Result"), resultBox, h("h3", {}, "Explanation"), explainBox, h("div", { class: "hint", id: "explain-hint" }, "Click a worker or an employer in the table."), h("h3", {}, "Download"), downloads),
    h("section", {}, h("h2", {}, "6. Compare two runs"), keepButton, compareBox),
  );

  // --- data
  const describe = (): string =>
    source.kind === "json"
      ? `${source.name}: ${checked?.counts.workers ?? 0} workers, ${checked?.counts.employers ?? 0} employers.`
      : `${source.workers === null ? "No workers file yet" : `${source.workers.file}: ${checked?.counts.workers ?? "?"} workers`}; ${source.employers === null ? "no employers file yet" : `${source.employers.file}: ${checked?.counts.employers ?? "?"} employers`}.`;

  const issueRow = (c: CellIssue): (Node | string)[] => {
    const i = c.issue;
    const cell = c.cell;
    const sheet = source.kind === "sheets" && cell !== null ? (cell.file === source.workers?.file ? source.workers : cell.file === source.employers?.file ? source.employers : null) : null;
    const fixable = (sheet !== null && cell !== null && cell.column !== null) || (source.kind === "json" && /^(workers|employers|policy)/.test(i.path));
    const now = sheet !== null && cell !== null ? cellValue(sheet, cell) : i.received.replace(/^"|"$/g, "");
    const box = h("input", { value: now, size: 18, "aria-label": `fix ${i.path}` });
    const apply = (text: string): void => {
      if (source.kind === "sheets" && sheet !== null && cell !== null) {
        const edited = editCell(sheet, cell, text);
        source = sheet === source.workers ? { ...source, workers: edited } : { ...source, employers: edited };
      } else if (source.kind === "json") {
        let value: unknown = text;
        try {
          value = JSON.parse(text);
        } catch {
          // plain text
        }
        source = { ...source, input: editPath(source.input, i.path, value) };
      }
      recheck();
    };
    const suggested = c.suggestion === null ? "" : c.suggestion;
    return [
      cell?.file ?? "",
      cell === null ? "" : String(cell.row),
      cell === null ? i.path : cellText({ ...cell, file: "", row: 0 }).replace(/^ row 0, /, "").replace(/^column /, ""),
      h("span", { class: "found" }, i.received),
      i.code === "missing" ? `missing: ${i.expected}` : i.code === "unknown-property" ? `unknown column or property; ${i.expected}` : i.expected,
      suggested === "" ? "" : h("button", { class: "link", onclick: () => apply(now.includes(JSON.parse(i.received) as string) ? now.replace(JSON.parse(i.received) as string, suggested) : suggested) }, `use "${suggested}"`),
      fixable ? h("span", {}, box, h("button", { class: "fix", onclick: () => apply((box as HTMLInputElement).value) }, "Apply")) : "",
    ];
  };

  const redrawIssues = (): void => {
    if (checked === null) return fill(issuesBox, h("p", { class: "hint" }, "Load data to check it."));
    const n = checked.issues.length;
    fill(
      issuesBox,
      n === 0
        ? h("p", { class: "ok", id: "issues-summary" }, checked.input === null ? "" : "No issues: ready to solve.")
        : h("p", { class: "bad", id: "issues-summary" }, `${n} issue${n === 1 ? "" : "s"}, all listed: fix each one here (Apply), or fix the file and drop it again.`),
      n === 0 ? null : table(["file", "row", "column", "found", "expected", "suggestion", "fix in place"], checked.issues.map(issueRow), { class: "issues" }),
      checked.notices.length === 0 ? null : h("details", { id: "notices" }, h("summary", {}, `${checked.notices.length} value(s) read forgivingly, and skill names to check`), h("pre", { class: "explain" }, formatNotices(checked.notices))),
    );
  };

  const recheck = (): void => {
    checked = check(source, toPolicy(policy), reference);
    status.textContent = describe();
    redrawIssues();
    solveButton.toggleAttribute("disabled", checked.input === null || checked.issues.length > 0);
  };

  const take = async (files: readonly File[]): Promise<void> => {
    const notes: string[] = [];
    for (const f of files) {
      for (const d of await readDropped(f.name, new Uint8Array(await f.arrayBuffer()))) {
        if (d.kind === "sheet") {
          const base = source.kind === "sheets" ? source : { kind: "sheets" as const, workers: null, employers: null, notices: [] };
          source = { ...base, [d.role]: d.sheet, notices: [...base.notices.filter((n) => !n.path.startsWith(d.sheet.file)), ...d.notices] };
        } else if (d.kind === "instance") {
          source = { kind: "json", name: d.name, input: d.input };
          if ("policy" in d.input) Object.assign(policy, fromPolicy(d.input.policy));
        } else if (d.kind === "policy") {
          Object.assign(policy, fromPolicy(d.policy));
          redrawPolicy();
        } else {
          notes.push(...d.issues.map(formatIssue));
        }
      }
    }
    recheck();
    if (notes.length > 0) issuesBox.prepend(h("pre", { class: "explain bad" }, notes.join("\n")));
  };

  fileInput.addEventListener("change", () => void take([...(fileInput.files ?? [])]));
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    void take([...(e.dataTransfer?.files ?? [])]);
  });

  const pilot = (): Record<string, unknown> => generateInstance(KAGAWA_PILOT_PARAMS) as unknown as Record<string, unknown>;
  const openPilot = (): void => {
    const started = performance.now();
    source = { kind: "json", name: "Kagawa pilot (bundled, synthetic)", input: pilot() };
    recheck();
    status.setAttribute("data-ms", String(Math.round(performance.now() - started)));
  };
  const pilotSheets = async (kind: "csv" | "xlsx"): Promise<void> => {
    const input = pilot() as unknown as Parameters<typeof instanceToCsv>[0];
    if (kind === "xlsx") return download("kagawa-pilot.xlsx", await instanceToWorkbook(input), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const csv = instanceToCsv(input);
    download("workers.csv", csv.workers, "text/csv");
    download("employers.csv", csv.employers, "text/csv");
  };

  const redrawPolicy = (): void => renderPolicyForm(policyBox, policy, recheck);
  redrawPolicy();

  // --- solving
  let solving: number | null = null;
  let ticker: ReturnType<typeof setInterval> | null = null;
  const busy = (on: boolean): void => {
    progress.hidden = !on;
    cancelButton.toggleAttribute("disabled", !on);
    solveButton.toggleAttribute("disabled", on);
    if (ticker !== null) clearInterval(ticker);
    ticker = null;
  };
  const solve = (): void => {
    if (checked?.input === null || checked === null || checked.issues.length > 0) return;
    const input = checked.input;
    const decoded = decodeInstance(input);
    if (E.isLeft(decoded)) return;
    const started = performance.now();
    busy(true);
    let stage = "starting";
    ticker = setInterval(() => (solveStatus.textContent = `${stage}… ${((performance.now() - started) / 1000).toFixed(1)} s`), 100);
    const seconds = Number((timeLimit as HTMLInputElement).value);
    solving = ask({ kind: "solve", input, options: { engine: "auto", ...(Number.isFinite(seconds) && seconds > 0 ? { timeLimitMs: seconds * 1000 } : {}) } }, (r) => {
      if (r.kind === "progress") {
        stage = r.stage;
        return;
      }
      busy(false);
      solving = null;
      const ms = Math.round(performance.now() - started);
      if (r.kind === "solved") {
        runs++;
        current = { name: `run ${runs}`, result: r.result, instance: decoded.right, input };
        solveStatus.textContent = `done in ${ms} ms`;
        solveStatus.setAttribute("data-ms", String(ms));
        resultBox.setAttribute("data-run", String(runs));
        showResult();
      } else if (r.kind === "issues") {
        solveStatus.textContent = `the input has issues: ${r.issues.length}`;
      } else if (r.kind === "failed") {
        solveStatus.textContent = `failed: ${r.message}`;
      }
    });
  };
  const cancel = (): void => {
    if (solving === null) return;
    listeners.delete(solving);
    solving = null;
    worker?.terminate();
    startWorker();
    busy(false);
    solveStatus.textContent = "cancelled";
  };

  const explain = (subject: "worker" | "employer", id: string): void => {
    explainBox.hidden = false;
    explainBox.textContent = `explaining ${id}…`;
    ask({ kind: "explain", subject, key: id }, (r) => {
      if (r.kind === "explained") explainBox.textContent = r.text;
      else if (r.kind === "failed") explainBox.textContent = r.message;
      explainBox.scrollIntoView?.({ block: "nearest" });
    });
  };

  const showResult = (): void => {
    if (current === null) return;
    const run = current;
    renderResult(resultBox, run.result, run.instance, { explain });
    explainBox.hidden = true;
    keepButton.toggleAttribute("disabled", false);
    const employers = run.instance.employers;
    fill(
      downloads,
      h("button", { id: "download-csv", onclick: () => download("result.csv", resultToCsv(run.result, employers), "text/csv") }, "Result (CSV)"),
      h("button", { id: "download-xlsx", onclick: () => void resultToWorkbook(run.result, employers).then((b) => download("result.xlsx", b, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) }, "Result (Excel)"),
      h("button", { id: "download-json", onclick: () => download("instance.json", formatInstanceJson(run.input as Parameters<typeof formatInstanceJson>[0]), "application/json") }, "Instance (JSON)"),
      h("button", { id: "download-html", onclick: () => download("report.html", renderHtmlReport(compareResults([{ name: run.name, result: run.result }]), { title: "jobmatch report", results: [{ name: run.name, result: run.result, employers }] }), "text/html") }, "Report (HTML)"),
    );
    if (pinned !== null) renderComparison(compareBox, [pinned, { name: run.name, result: run.result }]);
  };
  const keep = (): void => {
    if (current === null) return;
    pinned = { name: `${current.name} (kept)`, result: current.result };
    fill(compareBox, h("p", { class: "hint" }, `${pinned.name} is kept. Change the policy or the data and solve again to compare.`));
  };

  recheck();
};

if (typeof document === "undefined") serve(self as unknown as Parameters<typeof serve>[0]);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
