// The game's seeded PRNG: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, as used by
// PractRand). Its whole state is four 32-bit integers kept in the game state, so a replay of the
// action log draws exactly the same cards. Pure: every call returns the next state.

export type RngState = number[];

/** Seeds sfc32 from one integer (splitmix32 spreads the bits), then warms it up. */
export function seedRng(seed: number): RngState {
  let x = seed >>> 0;
  const splitmix = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let state: RngState = [splitmix(), splitmix(), splitmix(), splitmix()];
  for (let i = 0; i < 12; i++) state = nextRandom(state)[1];
  return state;
}

/** A float in [0, 1) and the next state. */
export function nextRandom(state: RngState): [number, RngState] {
  let [a, b, c, d] = state;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  return [(t >>> 0) / 4294967296, [a, b, c, d]];
}
