/** Tries after the first, for a write that must not be given up on a brief store fault. */
const TRIES = 5;

/**
 * Runs `write` (or a read) again after a store fault (a 503, a dropped connection: the Cosmos SDK retries a
 * write after neither, only after a 429), with a short backoff (50 ms, doubling; about 0.75 s in
 * all), and throws the last error when the store stays down. Only for writes that are safe to
 * repeat: an upsert, an ETag-guarded replace (a try that landed unseen makes the next one a
 * harmless 412), a create of a unique id (the next one a 409 that means "landed").
 */
export async function againAfterStoreFault<T>(write: (attempt: number) => Promise<T>, tries = TRIES): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(attempt);
    } catch (err) {
      if (attempt >= tries) throw err;
      await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
    }
  }
}
