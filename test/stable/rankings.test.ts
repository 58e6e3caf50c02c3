/**
 * Rankings as input: located issues for what cannot be right (unknown ids,
 * repeats, contradictions with interviews), warnings for what can never be
 * placed (ineligible pairs), and what stated rankings do to the plan. Long
 * lists decode (their time is measured in bench/, not here).
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { formatIssues } from "../../src/input/issues.js";
import { decodeInstance } from "../../src/input/decode.js";
import { rankingsFromCsv, locateRankings } from "../../src/io/rankings.js";
import { stableMatch } from "../../src/stable/stable.js";
import { employer, instance, worker } from "./builders.js";

const market = (rankings: unknown) =>
  instance(
    [worker("W1"), worker("W2"), worker("W3", { certifications: [{ field: "construction", via: "skills-test" }] })],
    [employer("E1"), employer("E2", { hourlyWage: 1100 }), employer("E3", { field: "construction", slots: 2 })],
    { rankings: rankings as never },
  );

const issuesOf = (rankings: unknown): string => {
  const r = decodeInstance(market(rankings));
  return E.isLeft(r) ? formatIssues(r.left) : "";
};

describe("rankings", () => {
  it("reports unknown ids, repeats and two rankings of one worker, each where it is", () => {
    expect(
      issuesOf({
        workers: [
          { worker: "W1", employers: ["E9", ["E1", "E1"]] },
          { worker: "W1", employers: [] },
          { worker: "W7", employers: ["E1"] },
        ],
      }).split("\n"),
    ).toEqual([
      'rankings.workers[0].employers[0]: expected the id of an employer in this instance, got "E9"',
      'rankings.workers[0].employers[1][1]: expected each id once in this list (also at rankings.workers[0].employers[1][0]), got "E1"',
      'rankings.workers[1].worker: expected one ranking per worker (also ranked at rankings.workers[0]), got "W1"',
      'rankings.workers[2].worker: expected the id of a worker in this instance, got "W7"',
    ]);
  });

  it("reports an employer's list that contradicts its interviews", () => {
    expect(
      issuesOf({ employers: [{ employer: "E1", workers: ["W2", "W1"], interviews: { accepted: ["W2"], rejected: ["W1", "W2"] } }] }).split("\n"),
    ).toEqual([
      'rankings.employers[0].interviews.accepted[0]: expected a worker not rejected at interview (W2 is rejected at rankings.employers[0].interviews.rejected[1]), got "W2"',
      'rankings.employers[0].workers[0]: expected a worker not rejected at interview (W2 is rejected at rankings.employers[0].interviews.rejected[1]), got "W2"',
      'rankings.employers[0].workers[1]: expected a worker not rejected at interview (W1 is rejected at rankings.employers[0].interviews.rejected[0]), got "W1"',
    ]);
  });

  it("drops an ineligible pair with a warning, listed with the result", () => {
    const r = stableMatch(market({ workers: [{ worker: "W1", employers: ["E3", "E2"] }] }));
    if (E.isLeft(r)) throw new Error(formatIssues(r.left));
    expect(r.right.stability?.warnings.map((w) => w.path)).toEqual(["rankings.workers[0].employers[0]"]);
    expect(formatIssues(r.right.stability?.warnings ?? [])).toContain("W1 is not eligible at E3: not certified in construction");
  });

  it("lets a worker's stated ranking and an employer's interviews decide", () => {
    // Derived, both workers want E2 (higher wage) and E2 takes W1 (smaller id); stated, W1 ranks E1 first.
    const derived = stableMatch(market(undefined));
    const stated = stableMatch(market({ workers: [{ worker: "W1", employers: ["E1"] }], employers: [{ employer: "E2", interviews: { rejected: ["W2"] } }] }));
    if (E.isLeft(derived) || E.isLeft(stated)) throw new Error("rejected");
    const at = (r: typeof derived): Record<string, string> => (E.isRight(r) ? Object.fromEntries(r.right.placements.map((p) => [p.workerId, p.employerId])) : {});
    expect(at(derived)).toEqual({ W1: "E2", W2: "E1", W3: "E3" });
    // W1 goes to E1 as she ranks it; E2 rejected W2 at interview, so W2 is left unplaced (E1 is W1's).
    expect(at(stated)).toEqual({ W1: "E1", W3: "E3" });
    expect(stated.right.stability?.preferences).toBe("derived and stated");
  });

  it("decodes a ranking of 10,000 employers", () => {
    const employers = Array.from({ length: 10_000 }, (_, i) => employer(`E${String(i).padStart(5, "0")}`));
    const input = instance([worker("W1")], employers, { rankings: { workers: [{ worker: "W1", employers: [...employers].reverse().map((e) => e.id) }] } });
    const r = decodeInstance(input);
    if (E.isLeft(r)) throw new Error(formatIssues(r.left.slice(0, 3)));
    expect(r.right.rankings?.workers.get("W1")?.tiers.length).toBe(10_000);
    expect(r.right.rankings?.workers.get("W1")?.tiers[0]).toEqual(["E09999"]);
  });

  it("reads rankings.csv, and points the decoder's issues at its rows", () => {
    const csv = rankingsFromCsv(["side,id,ranking,others,accepted,rejected", "worker,W1,E2;E1:E9,after,,", "employer,E1,W2,,W2,W1", "firm,E2,,,,"].join("\n"));
    expect(E.isLeft(csv) && formatIssues(csv.left)).toBe('rankings.csv row 4, side: expected worker or employer, got "firm"');
    const ok = rankingsFromCsv(["side,id,ranking,others,accepted,rejected", "worker,W1,E2;E1:E9,after,,", "employer,E1,W2,,W2,W1"].join("\n"));
    if (E.isLeft(ok)) throw new Error(formatIssues(ok.left));
    expect(ok.right.rankings).toEqual({
      workers: [{ worker: "W1", employers: ["E2", ["E1", "E9"]], others: "after" }],
      employers: [{ employer: "E1", workers: ["W2"], interviews: { accepted: ["W2"], rejected: ["W1"] } }],
    });
    const decoded = decodeInstance(market(ok.right.rankings));
    expect(E.isLeft(decoded) && formatIssues(locateRankings(decoded.left, ok.right))).toBe('rankings.csv row 2, ranking[1][1]: expected the id of an employer in this instance, got "E9"');
  });
});
