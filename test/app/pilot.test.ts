/**
 * The page's "bundled pilot" is drawn in the browser from the kagawa-pilot
 * scenario (nothing is embedded), so it must be the very instance of
 * examples/data/kagawa-pilot.json that the README and examples use.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as E from "fp-ts/lib/Either.js";
import { KAGAWA_PILOT_SCENARIO } from "../../src/scenario/bundled/kagawaPilot.js";
import { scenarioInstance } from "../../src/scenario/instance.js";

describe("the workbench's bundled pilot", () => {
  it("is examples/data/kagawa-pilot.json, value for value", () => {
    const file = JSON.parse(readFileSync(new URL("../../examples/data/kagawa-pilot.json", import.meta.url), "utf8")) as unknown;
    const drawn = scenarioInstance(KAGAWA_PILOT_SCENARIO);
    expect(E.isRight(drawn)).toBe(true);
    if (E.isRight(drawn)) expect(JSON.parse(JSON.stringify(drawn.right))).toEqual(file);
  });
});
