/**
 * Concurrent identical GETs share one upstream call, and its answer is reused for a short time,
 * so fifty open screens cost one upstream call per project per interval. Failures (no answer at
 * all) are shared while in flight but not kept.
 */

interface Entry<T> {
  promise: Promise<T>
  /** Epoch ms after which the entry is stale; Infinity while in flight. */
  expiresAt: number
}

export class CoalescingCache<T> {
  private readonly entries = new Map<string, Entry<T>>()

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const existing = this.entries.get(key)
    if (existing !== undefined && existing.expiresAt > this.now()) return existing.promise
    const entry: Entry<T> = { promise: load(), expiresAt: Number.POSITIVE_INFINITY }
    this.entries.set(key, entry)
    entry.promise.then(
      () => {
        if (this.entries.get(key) !== entry) return
        if (this.ttlMs <= 0) {
          this.entries.delete(key)
          return
        }
        entry.expiresAt = this.now() + this.ttlMs
        setTimeout(() => {
          if (this.entries.get(key) === entry) this.entries.delete(key)
        }, this.ttlMs).unref()
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key)
      },
    )
    return entry.promise
  }

  get size(): number {
    return this.entries.size
  }
}
