// Run an async task on every item of a list, a few at a time, keeping the results in the list's order.

/** Run `task` on every item, at most `limit` at once, and give the results in the items' order. */
export async function mapInOrder<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return results;
}
