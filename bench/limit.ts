/**
 * One clock for the whole call (issue 13, item 5): `match` with a time limit
 * on build-heavy instances, its wall time against the limit.
 *
 *     npm run bench:limit -- --runs 3
 *
 * Cases: the crossing policy of bench/policies.ts at 10,000 workers
 * (families kept with one employer: 1,000 employer classes, 600,000 arcs),
 * and 100,000 workers with no policy. For each limit, the median wall time of
 * the call (JSON already parsed) and how far past the limit it returned; the
 * promise is max(10%, 200 ms).
 */
import { parseArgs } from "node:util";
import * as E from "fp-ts/lib/Either.js";
import { match } from "../src/match.js";
import { benchInstance, type BenchPolicy } from "./policies.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, limits: { type: "string", default: "250,1000,3000" }, seed: { type: "string", default: "20261127" } } });

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const cases: readonly { name: string; workers: number; employers: number; policy: BenchPolicy }[] = [
  { name: "crossing policy, families with one employer", workers: 10_000, employers: 1_000, policy: "crossing" },
  { name: "no policy", workers: 100_000, employers: 10_000, policy: "none" },
];

console.log("| case | workers x employers | limit ms | wall ms (median) | past the limit ms | allowed ms | statuses |");
console.log("|---|---|---|---|---|---|---|");
for (const c of cases) {
  const text = JSON.stringify(benchInstance(values.seed ?? "20261127", c.workers, c.employers, c.policy));
  for (const limit of (values.limits ?? "").split(",").map(Number)) {
    const statuses = new Set<string>();
    const walls = Array.from({ length: Number(values.runs) }, () => {
      const input = JSON.parse(text) as unknown;
      const started = performance.now();
      const r = match(input, { timeLimitMs: limit });
      const wall = performance.now() - started;
      if (E.isLeft(r)) throw new Error("the instance does not decode");
      statuses.add(r.right.status);
      return wall;
    });
    const wall = median(walls);
    console.log(
      `| ${c.name} | ${c.workers.toLocaleString("en")} x ${c.employers.toLocaleString("en")} | ${limit} | ${wall.toFixed(0)} | ${Math.max(0, wall - limit).toFixed(0)} | ${Math.max(0.1 * limit, 200).toFixed(0)} | ${[...statuses].join(", ")} |`,
    );
  }
}
