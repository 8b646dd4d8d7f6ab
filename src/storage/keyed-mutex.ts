/**
 * One queue per key: `run(key, fn)` starts `fn` only after every earlier `fn` for the same key has
 * settled. Different keys run concurrently. Idle keys are forgotten, so memory follows the number
 * of keys in use, not the number ever seen.
 */
export function keyedMutex() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const prev = tails.get(key) ?? Promise.resolve();
      const result = prev.then(fn, fn);
      const tail = result.then(() => undefined, () => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    /** Keys with work queued or running (for tests and diagnostics). */
    busy: (): number => tails.size,
  };
}
export type KeyedMutex = ReturnType<typeof keyedMutex>;
