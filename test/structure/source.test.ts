/**
 * Rules about the source itself, checked on src/ with the TypeScript parser:
 * - no import cycle between modules (type-only imports included: a cycle
 *   of types still ties two modules' meanings together);
 * - no spread into a call's arguments (`push(...list)`, `Math.max(...xs)`):
 *   with a data-sized array it overflows the stack past about 123,000
 *   elements. Loops, `reduce` or `concat` do the same without the limit.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.ts$/.test(d.name) && !/\.d\.ts$/.test(d.name) ? [join(dir, d.name)] : [],
  );

const FILES = sourceFiles(SRC).sort();
const parsed = new Map(FILES.map((f) => [f, ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true)]));

/** The src/ files a file imports or re-exports from (relative specifiers, `.js` read as `.ts`). */
const importsOf = (file: string): string[] => {
  const out: string[] = [];
  const sf = parsed.get(file) as ts.SourceFile;
  const visit = (node: ts.Node): void => {
    const spec =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined && ts.isStringLiteral(node.arguments[0])
          ? node.arguments[0].text
          : null;
    if (spec !== null && spec.startsWith(".")) {
      const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
      if (parsed.has(target)) out.push(target);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
};

/** Every cycle's first occurrence, as a list of files (depth-first search). */
export const findCycles = (graph: ReadonlyMap<string, readonly string[]>): string[][] => {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (f: string): void => {
    state.set(f, "open");
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === "open") cycles.push([...stack.slice(stack.indexOf(g)), g]);
      else if (state.get(g) === undefined) visit(g);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of graph.keys()) if (state.get(f) === undefined) visit(f);
  return cycles;
};

describe("the source", () => {
  it("finds a cycle when there is one (the check itself)", () => {
    expect(findCycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", []]]))).toEqual([["a", "b", "c", "a"]]);
    expect(findCycles(new Map([["a", ["b"]], ["b", []]]))).toEqual([]);
  });

  it("has no import cycle in src/", () => {
    const graph = new Map(FILES.map((f) => [f, importsOf(f)]));
    expect(FILES.length).toBeGreaterThan(50);
    const cycles = findCycles(graph).map((c) => c.map((f) => relative(SRC, f)).join(" -> "));
    expect(cycles).toEqual([]);
  });

  it("spreads no array into a call's arguments", () => {
    const found: string[] = [];
    for (const [file, sf] of parsed) {
      const visit = (node: ts.Node): void => {
        if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && (node.arguments ?? []).some((a) => ts.isSpreadElement(a))) {
          const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
          found.push(`${relative(SRC, file)}:${line + 1}: ${node.getText(sf).slice(0, 80)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(found).toEqual([]);
  });
});
