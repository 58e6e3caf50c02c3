import { describe, expect, it } from "vitest";
import { createProgress } from "../../src/cli/progress.js";

const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, isTTY, columns: 100, write: (s: string) => written.push(s) };
};

describe("progress", () => {
  it("stays silent when standard error is not a terminal", () => {
    const s = stream(false);
    const p = createProgress(s, 4);
    p.update(1, "solving");
    p.stop();
    expect(s.written).toEqual([]);
  });

  it("draws a bar with the step and label on a terminal, and can be turned off", () => {
    const s = stream(true);
    const p = createProgress(s, 4);
    p.update(2, "shikoku: solving");
    p.stop();
    expect(s.written.join("")).toContain("2/4 shikoku: solving");
    const off = stream(true);
    createProgress(off, 4, false).update(1, "x");
    expect(off.written).toEqual([]);
  });
});
