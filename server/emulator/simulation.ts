/**
 * A gentle simulation so demo screens look alive: memory drifts a few percent around where it
 * started, and a few designated instances flip between an in-progress status and RUNNING. It
 * writes only `used_memory` and `status`, in place, so every other field stays as loaded.
 */
import { instanceKey } from './emulator-data.ts'
import type { InstanceStore } from './instance-store.ts'

/** Deterministic PRNG (mulberry32): the same seed gives the same walk, handy when debugging. */
function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const QUIET_STATUSES = new Set(['CREATING', 'CREATEFAILED', 'CLOSED', 'DELETED', 'FROZEN'])
/** How far memory may wander from its starting point, as a share of max_memory. */
const DRIFT_BAND = 0.03
const STEP = 0.006
const FLIP_CHANCE = 0.15

export interface SimulationOptions {
  intervalMs: number
  /** Instance ids whose status flips to RUNNING and back. */
  flipping: string[]
  /** Instance ids left exactly as loaded (the seed example is served verbatim). */
  frozen?: string[]
  seed?: number
}

export class Simulation {
  private readonly random: () => number
  private readonly baseMemory = new Map<string, number>()
  private readonly baseStatus = new Map<string, string>()
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly store: InstanceStore,
    private readonly options: SimulationOptions,
  ) {
    this.random = prng(options.seed ?? 20240229)
  }

  start(): void {
    this.timer = setInterval(() => this.tick(), this.options.intervalMs)
    this.timer.unref()
  }

  stop(): void {
    clearInterval(this.timer)
  }

  /** Forget the starting points, e.g. after a reset or a PATCH set new values. */
  rebase(key?: string): void {
    if (key === undefined) {
      this.baseMemory.clear()
      this.baseStatus.clear()
    } else {
      this.baseMemory.delete(key)
      this.baseStatus.delete(key)
    }
  }

  tick(): void {
    for (const projectId of this.store.projectIds()) {
      for (const instance of this.store.instances(projectId)) {
        if (this.options.frozen?.includes(instanceKey(instance) ?? '')) continue
        const key = `${projectId}/${instanceKey(instance) ?? ''}`
        this.flipStatus(key, instance)
        this.driftMemory(key, instance)
      }
    }
  }

  private flipStatus(key: string, instance: Record<string, unknown>): void {
    if (!this.options.flipping.includes(instanceKey(instance) ?? '')) return
    if (typeof instance.status !== 'string') return
    if (!this.baseStatus.has(key)) this.baseStatus.set(key, instance.status)
    if (this.random() >= FLIP_CHANCE) return
    const base = this.baseStatus.get(key)!
    instance.status = instance.status === base ? 'RUNNING' : base
  }

  private driftMemory(key: string, instance: Record<string, unknown>): void {
    const used = instance.used_memory
    const max = instance.max_memory
    if (typeof used !== 'number' || typeof max !== 'number' || max <= 0 || used <= 0) return
    if (typeof instance.status === 'string' && QUIET_STATUSES.has(instance.status)) return
    if (!this.baseMemory.has(key)) this.baseMemory.set(key, used)
    const base = this.baseMemory.get(key)!
    const step = (this.random() * 2 - 1) * STEP * max
    const band = DRIFT_BAND * max
    const next = Math.min(base + band, Math.max(base - band, used + step))
    instance.used_memory = Math.max(1, Math.round(next))
  }
}
