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
import { toMip } from "../model/mip.js";
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
 * The model as CPLEX LP text: its MIP form (../model/mip.ts): maximise the
 * gains subject to the supply, capacity, side, policy and group rows, each
 * variable between 0 and its bound, all integer.
 *
 * @example
 * toLP(model)
 * // "\\ jobmatch assignment model: 2 worker classes, 1 employer classes, 2 arcs\nMaximize\n obj: 105 x0 + 103 x1\n..."
 */
export const toLP = (model: AssignmentModel): string => {
  const mip = toMip(model);
  const out: string[] = [
    `\\ jobmatch assignment model: ${model.workerClasses.length} worker classes, ${model.employerClasses.length} employer classes, ${model.arcs.length} arcs`,
    "Maximize",
  ];
  const name = (v: number): string => mip.variables[v]?.name ?? "z";
  const objective = mip.variables.flatMap((v) => (v.gain === 0 ? [] : [[v.gain, v.name] as const]));
  for (const line of objective.length > 0 ? expression(" obj:", objective, "") : [" obj: 0 z"]) out.push(line);
  out.push("Subject To");
  let needsZ = objective.length === 0;
  for (const row of mip.rows) {
    if (row.label !== null) {
      const label = commentText(row.label);
      if (label !== "") out.push(`\\ ${row.name}: ${label}`);
    }
    const terms = row.terms.map(([v, c]) => [c, name(v)] as const);
    if (terms.length === 0) needsZ = true;
    for (const line of expression(` ${row.name}:`, terms.length > 0 ? terms : [[1, "z"]], `${row.relation} ${num(row.rhs)}`)) out.push(line);
  }
  out.push("Bounds");
  for (const v of mip.variables) out.push(v.upper === Infinity ? ` ${v.name} >= 0` : ` 0 <= ${v.name} <= ${num(v.upper)}`);
  if (needsZ) out.push(" z = 0");
  if (mip.variables.length > 0) {
    out.push("General");
    for (const line of nameList(mip.variables.map((v) => v.name))) out.push(line);
  }
  out.push("End", "");
  return out.join("\n");
};
