/**
 * The policy in forms: quotas (one row each), the legal headcount caps,
 * diversity, fairness and how groups stay together, written into the
 * instance's `policy` section (../policy/codecs.ts) as the officer edits;
 * saved as JSON, or the quotas as the CSV sheet `--policy` also reads.
 */
import { SECTORS } from "../domain/fields.js";
import { quotasToCsv } from "../io/policyFile.js";
import type { PolicyInput } from "../policy/codecs.js";
import { download, fill, h } from "./dom.js";

type Quota = { scope: "sector" | "field" | "prefecture" | "employer"; key: string; min?: number; max?: number; penalty?: number };

/** The form's state: what the officer has stated. */
export interface PolicyState {
  quotas: Quota[];
  headcountCaps: boolean;
  diversityShare: number | null;
  fairness: { by: "trainingCentre" | "homeProvince"; minShare: number } | null;
  together: "prefecture" | "employer";
}

export const emptyPolicy = (): PolicyState => ({ quotas: [], headcountCaps: false, diversityShare: null, fairness: null, together: "prefecture" });

/** The form state from a policy section (as read from a file); parts the form does not show are dropped. */
export const fromPolicy = (p: unknown): PolicyState => {
  const x = (typeof p === "object" && p !== null ? p : {}) as Partial<PolicyInput> & Record<string, unknown>;
  const f = Array.isArray(x.fairness) ? x.fairness[0] : undefined;
  return {
    quotas: Array.isArray(x.quotas) ? x.quotas.map((q) => ({ ...q }) as Quota) : [],
    headcountCaps: x.headcountCaps !== undefined,
    diversityShare: typeof x.diversity?.maxShare === "number" ? x.diversity.maxShare : null,
    fairness: f === undefined ? null : { by: f.by, minShare: f.minShare },
    together: x.groups?.together ?? "prefecture",
  };
};

/** The policy section the form states, or undefined when it states nothing. */
export const toPolicy = (s: PolicyState): Record<string, unknown> | undefined => {
  const p: Record<string, unknown> = {};
  if (s.quotas.length > 0) p.quotas = s.quotas;
  if (s.headcountCaps) p.headcountCaps = {};
  if (s.diversityShare !== null) p.diversity = { maxShare: s.diversityShare };
  if (s.fairness !== null) p.fairness = [s.fairness];
  if (s.together !== "prefecture") p.groups = { together: s.together };
  return Object.keys(p).length === 0 ? undefined : p;
};

const num = (v: string): number | undefined => (v.trim() === "" || !Number.isFinite(Number(v)) ? undefined : Number(v));

/** Renders the form into `root`; `changed` runs after every edit. */
export const renderPolicyForm = (root: HTMLElement, state: PolicyState, changed: () => void): void => {
  const redraw = (): void => renderPolicyForm(root, state, changed);
  const edit = (f: () => void, again = false) => () => {
    f();
    changed();
    if (again) redraw();
  };
  const quotaRow = (q: Quota, i: number): HTMLElement =>
    h(
      "tr",
      {},
      h("td", {}, h("select", { "aria-label": "scope", onchange: (e: Event) => edit(() => (q.scope = (e.target as HTMLSelectElement).value as Quota["scope"]))() }, ...["sector", "field", "prefecture", "employer"].map((s) => h("option", { value: s, selected: q.scope === s }, s)))),
      h("td", {}, h("input", { "aria-label": "key", value: q.key, list: q.scope === "sector" ? "sectors" : undefined, size: 14, onchange: (e: Event) => edit(() => (q.key = (e.target as HTMLInputElement).value.trim()))() })),
      ...(["min", "max", "penalty"] as const).map((k) =>
        h("td", {}, h("input", { "aria-label": k, type: "number", min: 0, step: k === "penalty" ? "any" : 1, value: q[k] ?? "", style: "width:6em", onchange: (e: Event) => edit(() => {
          const v = num((e.target as HTMLInputElement).value);
          if (v === undefined) delete q[k];
          else q[k] = v;
        })() })),
      ),
      h("td", {}, h("button", { class: "link", onclick: edit(() => state.quotas.splice(i, 1), true) }, "remove")),
    );
  fill(
    root,
    h("datalist", { id: "sectors" }, SECTORS.map((s) => h("option", { value: s }))),
    h("h3", {}, "Quotas"),
    h("p", { class: "hint" }, "Placements per sector, field, prefecture or employer: at least min, at most max. A penalty makes it soft (each unit short or over costs that many placements); without one it is hard."),
    h("table", { class: "quotas" }, h("thead", {}, h("tr", {}, ["scope", "key", "min", "max", "penalty", ""].map((c) => h("th", {}, c)))), h("tbody", {}, state.quotas.map(quotaRow))),
    h("button", { onclick: edit(() => state.quotas.push({ scope: "sector", key: "caregiving" }), true) }, "Add a quota"),
    h("h3", {}, "Caps, diversity, fairness, groups"),
    h("label", {}, h("input", { type: "checkbox", checked: state.headcountCaps, onchange: (e: Event) => edit(() => (state.headcountCaps = (e.target as HTMLInputElement).checked))() }), " Legal headcount caps (nursing care: Japanese care staff; construction: full-time staff)"),
    h("label", {}, "At most ", h("input", { type: "number", min: 0, max: 1, step: 0.05, value: state.diversityShare ?? "", style: "width:5em", "aria-label": "diversity max share", onchange: (e: Event) => edit(() => (state.diversityShare = num((e.target as HTMLInputElement).value) ?? null))() }), " of an employer's slots from one training centre (0..1; empty for no limit)"),
    h("label", {}, "Every ", h("select", { "aria-label": "fairness by", onchange: (e: Event) => edit(() => {
      const by = (e.target as HTMLSelectElement).value;
      state.fairness = by === "" ? null : { by: by as "trainingCentre" | "homeProvince", minShare: state.fairness?.minShare ?? 0.5 };
    }, true)() }, h("option", { value: "", selected: state.fairness === null }, "(no fairness floor)"), h("option", { value: "trainingCentre", selected: state.fairness?.by === "trainingCentre" }, "training centre"), h("option", { value: "homeProvince", selected: state.fairness?.by === "homeProvince" }, "home province")), " sees at least ", h("input", { type: "number", min: 0, max: 1, step: 0.05, disabled: state.fairness === null, value: state.fairness?.minShare ?? "", style: "width:5em", "aria-label": "fairness min share", onchange: (e: Event) => edit(() => {
      const v = num((e.target as HTMLInputElement).value);
      if (state.fairness !== null && v !== undefined) state.fairness.minShare = v;
    })() }), " of its workers placed"),
    h("label", {}, "Groups (a worker's group column) stay together in one ", h("select", { "aria-label": "groups together", onchange: (e: Event) => edit(() => (state.together = (e.target as HTMLSelectElement).value as PolicyState["together"]))() }, h("option", { value: "prefecture", selected: state.together === "prefecture" }, "prefecture"), h("option", { value: "employer", selected: state.together === "employer" }, "employer"))),
    h(
      "div",
      { class: "buttons" },
      h("button", { onclick: () => download("policy.json", `${JSON.stringify(toPolicy(state) ?? {}, null, 2)}\n`, "application/json") }, "Save policy (JSON)"),
      h("button", { disabled: state.quotas.length === 0, onclick: () => download("quotas.csv", quotasToCsv({ quotas: state.quotas }), "text/csv") }, "Save quotas (CSV)"),
      h("button", { class: "link", onclick: edit(() => Object.assign(state, emptyPolicy()), true) }, "Clear the policy"),
    ),
  );
};
