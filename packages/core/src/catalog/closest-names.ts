/** Edit distance between two strings (Levenshtein), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
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

/** The candidates closest to `name`: shared substrings first, then by edit distance. */
export function closestNames(name: string, candidates: Iterable<string>, count = 3): string[] {
  const wanted = name.toLowerCase();
  const tail = wanted.split('.').at(-1) ?? wanted;
  return [...candidates]
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      const contains = tail.length >= 3 && lower.includes(tail) ? 0 : 1;
      return { candidate, contains, distance: editDistance(wanted, lower) };
    })
    .filter(({ contains, distance }) => contains === 0 || distance <= Math.max(3, Math.floor(wanted.length / 2)))
    .sort((a, b) => a.contains - b.contains || a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}
