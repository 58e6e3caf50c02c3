/**
 * Romanised prefecture names with macrons (the Hepburn spelling most
 * official English texts use) are the same prefectures as without.
 */
import { describe, expect, it } from "vitest";
import { findPrefecture, PREFECTURES } from "../../src/domain/prefectures.js";

describe("prefecture names", () => {
  it("reads macrons and circumflexes as the plain vowel", () => {
    expect(["Hyōgo", "Kōchi", "Ōita", "Tōkyō", "Kyōto", "Ōsaka", "Hyôgo", "KŌCHI"].map((n) => findPrefecture(n)?.code)).toEqual(["28", "39", "44", "13", "26", "27", "28", "39"]);
  });

  it("still finds every prefecture by code, English name and Japanese name", () => {
    for (const p of PREFECTURES) {
      expect(findPrefecture(p.code)).toBe(p);
      expect(findPrefecture(p.name)).toBe(p);
      expect(findPrefecture(p.name.toUpperCase())).toBe(p);
      expect(findPrefecture(p.nameJa)).toBe(p);
    }
    expect(findPrefecture("Atlantis")).toBeUndefined();
  });
});
