/**
 * How decoding the rankings section grows with its size: each of a few
 * workers ranks every employer (lists of 1,000 to 20,000 entries), and the
 * CPU time to decode the instance with its rankings, less the time without
 * (medians of 7), is divided by the entries. Linear decoding keeps that
 * figure flat.
 *
 *     npm run bench:rankings
 *
 * Every decode is checked first: the instance decodes, and every list keeps
 * all its entries.
 */
import * as E from "fp-ts/lib/Either.js";
import { decodeInstance } from "../src/input/decode.js";

const WORKERS = 10;
const RUNS = 7;

const employer = (i: number) => ({ id: `E${String(i).padStart(6, "0")}`, prefecture: "37", field: "food-service", slots: 1, hourlyWage: 1036 + (i % 300) });
const worker = (i: number) => ({
  id: `W${String(i).padStart(3, "0")}`,
  language: ["N4"],
  certifications: [{ field: "food-service", via: "skills-test" }],
  trainingCentre: "Semarang",
  homeProvince: "Central Java",
});

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** The median CPU time (user and system, ms) of decoding: less disturbed than wall time on a shared machine. */
const time = (input: unknown, check: (r: ReturnType<typeof decodeInstance>) => void): number => {
  check(decodeInstance(input));
  return median(
    Array.from({ length: RUNS }, () => {
      const t = process.cpuUsage();
      decodeInstance(input);
      const d = process.cpuUsage(t);
      return (d.user + d.system) / 1000;
    }),
  );
};

console.log(`| entries per list | workers | entries | decode CPU ms (rankings only) | ms per 1,000 entries |`);
console.log(`|---|---|---|---|---|`);
for (const n of [1_000, 5_000, 10_000, 20_000]) {
  const employers = Array.from({ length: n }, (_, i) => employer(i));
  const workers = Array.from({ length: WORKERS }, (_, i) => worker(i));
  const base = { reference: { asOf: "2026-04-01" }, workers, employers };
  const ranked = { ...base, rankings: { workers: workers.map((w, k) => ({ worker: w.id, employers: employers.map((_, i) => employers[(i * 7 + k) % n]?.id as string) })) } };
  const plain = time(base, (r) => {
    if (E.isLeft(r)) throw new Error("the instance does not decode");
  });
  const full = time(ranked, (r) => {
    if (E.isLeft(r)) throw new Error(`the rankings do not decode: ${JSON.stringify(r.left.slice(0, 2))}`);
    for (const w of workers) if (r.right.rankings?.workers.get(w.id)?.tiers.length !== n) throw new Error(`${w.id}'s list lost entries`);
  });
  const ms = Math.max(0, full - plain);
  console.log(`| ${n.toLocaleString("en")} | ${WORKERS} | ${(n * WORKERS).toLocaleString("en")} | ${ms.toFixed(0)} | ${((1000 * ms) / (n * WORKERS)).toFixed(2)} |`);
}
