/**
 * Writes an AssignmentModel in CPLEX LP format, for HiGHS (npm `highs`) and
 * other solvers that read it: the independent check of every engine in the
 * conformance tests, and a way to hand a model to an outside solver.
 *
 * Only generated names are written: x0.. for arcs, w0.. for worker-class
 * rows, e0.. for employer-class rows, s0.. for side constraints (a label goes
 * into a `\` comment line, reduced to printable ASCII). Rows with no arcs are
 * left out, as they always hold; an arc-less side constraint is written over
 * a variable z fixed at 0 so that an impossible one (0 >= 1) stays impossible;
 * terms naming no arc are dropped, as the other engines and `checkFlows` read
 * them as zero.
 * Lines are wrapped well below the 255 characters LP readers accept.
 *
 * For very large models prefer passing arrays to a solver: the text of
 * millions of variables is long (solver-notes.md: V8 caps string length).
 */
import type { AssignmentModel } from "../model/types.js";

/** Wrap long expressions after this many characters. */
const LINE = 200;

/** The longest comment written for a side constraint's label. */
const LABEL = 120;

/** One line of printable ASCII, at most LABEL characters. */
const commentText = (label: string): string => {
  const clean = label.replace(/[^\x20-\x7e]+/g, " ").trim();
  return clean.length > LABEL ? `${clean.slice(0, LABEL - 3)}...` : clean;
};

/** A number as JavaScript prints it; LP readers also accept its exponent form ("1e+21"). */
const num = (x: number): string => (Object.is(x, -0) ? "0" : String(x));

/**
 * `name: c1 x1 + c2 x2 ... rest`, wrapped: each continuation line starts
 * with a space and a sign, so no token is split.
 */
const expression = (head: string, terms: readonly (readonly [number, string])[], tail: string): string[] => {
  const lines: string[] = [];
  let line = head;
  terms.forEach(([coefficient, name], t) => {
    const sign = coefficient < 0 ? "-" : "+";
    const magnitude = Math.abs(coefficient);
    const body = magnitude === 1 ? name : `${num(magnitude)} ${name}`;
    const token = t === 0 && sign === "+" ? ` ${body}` : ` ${sign} ${body}`;
    if (line.length + token.length > LINE) {
      lines.push(line);
      line = " ";
    }
    line += token;
  });
  if (line.length + tail.length + 1 > LINE) {
    lines.push(line);
    line = " ";
  }
  lines.push(`${line} ${tail}`.trimEnd());
  return lines;
};

/** Names separated by spaces, wrapped. */
const nameList = (names: readonly string[]): string[] => {
  const lines: string[] = [];
  let line = "";
  for (const name of names) {
    if (line.length + name.length + 1 > LINE) {
      lines.push(line);
      line = "";
    }
    line += ` ${name}`;
  }
  if (line !== "") lines.push(line);
  return lines;
};

/**
 * The model as CPLEX LP text: maximise sum (placementWeight + score) x_a
 * subject to the supply, capacity and side rows, 0 <= x_a <= upper_a, x
 * integer.
 *
 * @example
 * toLP(model)
 * // "\\ jobmatch assignment model: 2 worker classes, 1 employer classes, 2 arcs\nMaximize\n obj: 105 x0 + 103 x1\n..."
 */
export const toLP = (model: AssignmentModel): string => {
  const out: string[] = [
    `\\ jobmatch assignment model: ${model.workerClasses.length} worker classes, ${model.employerClasses.length} employer classes, ${model.arcs.length} arcs`,
    "Maximize",
  ];
  const x = (a: number): string => `x${a}`;
  const objective = model.arcs.map((arc, a) => [model.placementWeight + arc.score, x(a)] as const);
  out.push(...(objective.length > 0 ? expression(" obj:", objective, "") : [" obj: 0 z"]));
  out.push("Subject To");
  const byWorker = model.workerClasses.map((): [number, string][] => []);
  const byEmployer = model.employerClasses.map((): [number, string][] => []);
  model.arcs.forEach((arc, a) => {
    byWorker[arc.from]?.push([1, x(a)]);
    byEmployer[arc.to]?.push([1, x(a)]);
  });
  byWorker.forEach((terms, c) => {
    if (terms.length > 0) out.push(...expression(` w${c}:`, terms, `<= ${num(model.workerClasses[c]!.supply)}`));
  });
  byEmployer.forEach((terms, g) => {
    if (terms.length > 0) out.push(...expression(` e${g}:`, terms, `<= ${num(model.employerClasses[g]!.capacity)}`));
  });
  let needsZ = model.arcs.length === 0;
  model.sideConstraints.forEach((side, k) => {
    const merged = new Map<number, number>();
    for (const term of side.terms) {
      if (term.arc >= 0 && term.arc < model.arcs.length) merged.set(term.arc, (merged.get(term.arc) ?? 0) + term.coefficient);
    }
    const terms = [...merged].filter(([, c]) => c !== 0).sort(([a], [b]) => a - b).map(([a, c]) => [c, x(a)] as const);
    const label = commentText(side.label);
    if (label !== "") out.push(`\\ s${k}: ${label}`);
    if (terms.length === 0) needsZ = true;
    out.push(...expression(` s${k}:`, terms.length > 0 ? terms : [[1, "z"]], `${side.relation} ${num(side.rhs)}`));
  });
  out.push("Bounds");
  model.arcs.forEach((arc, a) => out.push(arc.upper === Infinity ? ` ${x(a)} >= 0` : ` 0 <= ${x(a)} <= ${num(arc.upper)}`));
  if (needsZ) out.push(" z = 0");
  if (model.arcs.length > 0) {
    out.push("General");
    out.push(...nameList(model.arcs.map((_, a) => x(a))));
  }
  out.push("End", "");
  return out.join("\n");
};
