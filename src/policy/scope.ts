/**
 * Which employers a quota counts: those of its sector (through the field's
 * sector), field or prefecture, or the one employer it names.
 */
import { findField, type FieldCatalogue } from "../domain/fields.js";
import type { Employer } from "../input/instance.js";
import type { Quota } from "./types.js";

/** Whether the quota counts this employer's placements. */
export const quotaCovers = (catalogue: FieldCatalogue, q: Pick<Quota, "scope" | "key">, e: Employer): boolean =>
  q.scope === "employer"
    ? e.id === q.key
    : q.scope === "field"
      ? e.field === q.key
      : q.scope === "prefecture"
        ? e.prefecture === q.key
        : findField(catalogue, e.field)?.sector === q.key;
