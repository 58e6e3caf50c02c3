/**
 * `pairRulesAt` works out the employer's side of the pair rules once and then
 * checks many workers against it (counting the rules behind unplaced workers
 * and unfilled slots). Checked against the rules as they were written one pair
 * at a time (test/support/oracle/pairExclusions.ts): the same exclusions with
 * the same sentences, and without sentences the same rules in the same order.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInstance } from "../../src/input/decode.js";
import { FIELD_CATALOGUES } from "../../src/domain/fields.js";
import { deepFreeze } from "../../src/input/freeze.js";
import { pairExclusions, pairRulesAt, workerPairKey } from "../../src/rules/eligibility.js";
import { instanceArbitrary } from "../support/input-arbitraries.js";
import { oraclePairExclusions } from "../support/oracle/pairExclusions.js";
import { fcOptions } from "../support/seed.js";

describe("pair rules for one employer and many workers", () => {
  it("give the exclusions of the one-pair rules, with their sentences, and the same rules without them", () => {
    let excluded = 0;
    fc.assert(
      fc.property(instanceArbitrary({ minWorkers: 1, maxWorkers: 8, minEmployers: 1, maxEmployers: 6 }), (input) => {
        const decoded = decodeInstance(input);
        if (E.isLeft(decoded)) return true;
        const { workers, employers, reference } = decoded.right;
        for (const e of employers) {
          const at = pairRulesAt(e, reference);
          for (const w of workers) {
            const expected = oraclePairExclusions(w, e, reference);
            excluded += expected.length;
            expect(at(w, true)).toEqual(expected);
            expect(pairExclusions(w, e, reference)).toEqual(expected);
            expect(at(w, false).map((x) => x.rule)).toEqual(expected.map((x) => x.rule));
            // Into a reused array holding an earlier answer: emptied first, then the same rules.
            const reused = at(w, true, [...expected, ...expected]);
            expect(at(w, false, reused)).toBe(reused);
            expect(reused.map((x) => x.rule)).toEqual(expected.map((x) => x.rule));
          }
        }
        return true;
      }),
      fcOptions(200),
    );
    // The instances exercised the rules, not only eligible pairs.
    expect(excluded).toBeGreaterThan(100);
  });

  it("remembers a frozen worker's pair key only with the catalogue it was read under", () => {
    fc.assert(
      fc.property(instanceArbitrary({ minWorkers: 1, maxWorkers: 6, minEmployers: 1, maxEmployers: 2 }), (input) => {
        const decoded = decodeInstance(input);
        if (E.isLeft(decoded)) return true;
        const { workers, reference } = decoded.right;
        const frozen = workers.map((w) => deepFreeze({ ...w }));
        // Every catalogue, and one whose care field has no home-visit rule (so every worker's standing
        // changes), twice round: the key a frozen worker remembers is the one a fresh copy gets.
        const withoutHomeVisit = FIELD_CATALOGUES.map((c) => ({ ...c, fields: c.fields.map((f) => ({ ...f, homeVisit: null })) }));
        const catalogues = [...FIELD_CATALOGUES, ...withoutHomeVisit];
        for (const catalogue of [...catalogues, ...catalogues]) {
          const under = { ...reference, catalogue };
          frozen.forEach((w) => expect(workerPairKey(w, under)).toBe(workerPairKey({ ...w }, under)));
        }
        return true;
      }),
      fcOptions(100),
    );
  });
});
