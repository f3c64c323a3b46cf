/**
 * A small seeded pseudo-random generator (mulberry32). Deterministic for a given seed, which
 * is what ids, shuffles and generated scenarios need; never use it for secrets.
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A new array with the items in a seeded random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** `length` characters of [A-Za-z0-9], like GoHighLevel's 20-character ids. */
  id(length?: number): string;
  /** The generator's position, to go back to with `restore` (the sandbox undoes a refused request's draws). */
  save(): number;
  restore(saved: number): void;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function createPrng(seed: number): Prng {
  if (!Number.isFinite(seed)) throw new TypeError(`Expected \`seed\` to be a finite number, got ${String(seed)}`);
  let state = Math.trunc(seed) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
    id(length = 20): string {
      let s = '';
      for (let i = 0; i < length; i++) s += ID_ALPHABET[int(0, ID_ALPHABET.length - 1)];
      return s;
    },
    save: () => state,
    restore(saved: number): void {
      state = saved >>> 0;
    },
  };
}
