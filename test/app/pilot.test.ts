/**
 * The page's "bundled pilot" is drawn in the browser from the generator
 * (nothing is embedded), so it must be the very instance of
 * examples/data/kagawa-pilot.json that the README and examples use.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KAGAWA_PILOT_PARAMS, generateInstance } from "../../src/generate/generate.js";

describe("the workbench's bundled pilot", () => {
  it("is examples/data/kagawa-pilot.json, value for value", () => {
    const file = JSON.parse(readFileSync(new URL("../../examples/data/kagawa-pilot.json", import.meta.url), "utf8")) as unknown;
    expect(JSON.parse(JSON.stringify(generateInstance(KAGAWA_PILOT_PARAMS)))).toEqual(file);
  });
});
