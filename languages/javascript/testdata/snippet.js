import { readFile } from 'node:fs/promises';

/**
 * Counts the words in a file.
 * @param {string} path
 * @returns {Promise<Map<string, number>>}
 */
export async function countWords(path) {
  const text = await readFile(path, 'utf8');
  const counts = new Map();
  for (const word of text.toLowerCase().split(/\W+/)) {
    if (!word) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

class Counter {
  #n = 0;
  increment = () => ++this.#n;
  get value() { return this.#n; }
}

const top = (counts, k = 10) =>
  [...counts.entries()].sort(([, a], [, b]) => b - a).slice(0, k);

console.log(`top: ${JSON.stringify(top(new Map([['a', 1]])))}`, new Counter().value);
