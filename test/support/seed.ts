/**
 * One fixed fast-check seed for the whole suite, replaceable by FC_SEED, so
 * every failure replays. fast-check prints the seed and path of a failure;
 * the seed is also printed once here so a log always shows it.
 */
export const FC_SEED = Number(process.env.FC_SEED ?? 20261127);

let announced = false;

export const fcOptions = (numRuns: number): { seed: number; numRuns: number; verbose: 1 } => {
  if (!announced) {
    announced = true;
    console.log(`fast-check seed ${FC_SEED} (set FC_SEED to replay another)`);
  }
  return { seed: FC_SEED, numRuns, verbose: 1 };
};
