/**
 * The plan behind a result's placements, remembered for whoever reads the
 * result next (the stability summary, ../stable/plan.ts `placedAtOf`): the
 * employer index per worker index (-1 unplaced) that `assemblePlan` listed
 * them from, keyed by the placements array.
 *
 * It is a hint, never an answer: arrays can be changed after they are made
 * (a caller may sort or edit a result's placements, or write into the plan it
 * gave), so a reader checks it against the placements before using it
 * (`hintFits`), and otherwise reads the placements' ids as before. Reading
 * the ids looks every employer id up in a map of 26,000 ids at national
 * scale (275,000 placements: about 35 ms); checking the hint compares the
 * same string objects (the ids the placements were made from) and builds no
 * map.
 */
import type { Employer, Instance, Worker } from "../input/instance.js";
import type { Placement } from "./types.js";

/** A placement by ids (results and plan files give them so). */
type PlacementIds = Pick<Placement, "workerId" | "employerId">;

const hints = new WeakMap<readonly PlacementIds[], Int32Array>();

/** Remembers that `placements` list `placedAt` (employer index per worker index, -1 unplaced) in worker order. */
export const rememberPlacedAt = (placements: readonly PlacementIds[], placedAt: Int32Array): void => {
  hints.set(placements, placedAt);
};

/**
 * Whether `placedAt` is exactly the plan `placements` list, in the instance's
 * worker order: one placement per worker with an employer, at that employer,
 * and none for the others.
 */
export const hintFits = (instance: Instance, placements: readonly PlacementIds[], placedAt: Int32Array): boolean => {
  const { workers, employers } = instance;
  if (placedAt.length !== workers.length) return false;
  let w = 0;
  for (let i = 0; i < placements.length; i++) {
    const p = placements[i] as PlacementIds;
    // Workers before this placement's are unplaced in the plan.
    while (w < workers.length && (workers[w] as Worker).id !== p.workerId) {
      if ((placedAt[w] as number) !== -1) return false;
      w++;
    }
    if (w === workers.length) return false;
    const e = placedAt[w] as number;
    if (e < 0 || e >= employers.length || (employers[e] as Employer).id !== p.employerId) return false;
    w++;
  }
  for (; w < workers.length; w++) if ((placedAt[w] as number) !== -1) return false;
  return true;
};

/** The plan remembered for `placements` where it still fits them (`hintFits`), else undefined. */
export const placedAtHint = (instance: Instance, placements: readonly PlacementIds[]): Int32Array | undefined => {
  const hint = hints.get(placements);
  return hint !== undefined && hintFits(instance, placements, hint) ? hint : undefined;
};
