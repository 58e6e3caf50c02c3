/**
 * Progress on standard error, only when it is a terminal: a bar with the
 * step and what is being done ("2/6 shikoku/language +1: solving"). Piped or
 * redirected output never sees it, so logs and tests stay clean.
 *
 * The solver runs synchronously, so the bar moves between steps (drawing a
 * scenario, solving it), redrawn at once on each step (cli-progress's
 * synchronous update), not while a solve runs.
 */
import cliProgress from "cli-progress";
import type { Out } from "./io.js";

/** A progress display that a command moves along. */
export interface Progress {
  /** Moves to step `value` (of the total) and shows `label`. */
  readonly update: (value: number, label: string) => void;
  /** Removes the bar. */
  readonly stop: () => void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

/** A progress bar over `total` steps on `stream` if it is a terminal (and `enabled`), else one that does nothing. */
export const createProgress = (stream: Out, total: number, enabled = true): Progress => {
  if (!enabled || stream.isTTY !== true) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: "{bar} {value}/{total} {label}",
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: "starting" });
  return {
    update: (value, label) => bar.update(value, { label }),
    stop: () => bar.stop(),
  };
};
