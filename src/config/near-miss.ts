// Pure: the known name closest to a misspelt one, for "did you mean" in messages (regions, input names).

/** Edit distance (insertions, deletions, substitutions), case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution));
    }
    previous = row;
  }
  return previous[y.length] ?? 0;
}

/** The closest of `known` within a few edits (more for longer names), the first on a tie; none when far. */
export function closestName(given: string, known: readonly string[]): string | undefined {
  const allowed = given.length > 6 ? 3 : 2;
  let best: { name: string; edits: number } | undefined;
  for (const name of known) {
    const edits = distance(given, name);
    if (edits <= allowed && (!best || edits < best.edits)) best = { name, edits };
  }
  return best?.name;
}

/** `; did you mean x?` or nothing. */
export function didYouMean(given: string, known: readonly string[]): string {
  const name = closestName(given, known);
  return name ? `; did you mean ${name}?` : '';
}
