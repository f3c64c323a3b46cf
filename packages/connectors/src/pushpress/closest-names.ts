function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Up to `count` of `names` closest to `wanted` by edit distance (for "did you mean" hints). */
export function closestNames(wanted: string, names: readonly string[], count = 3): string[] {
  const probe = wanted.slice(0, 64);
  return [...names]
    .map((name) => ({ name, distance: editDistance(probe, name) }))
    .sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name))
    .slice(0, count)
    .map(({ name }) => name);
}
