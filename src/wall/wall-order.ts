import {
  compareByName,
  compareBySeverity,
  displayName,
  SEVERITY_ORDER,
  severityRank,
  type FleetRow,
} from '@/dcs/fleet-view'
import type { MemoryThresholds } from '@/dcs/memory'

const rowKey = (row: FleetRow) => `${row.projectId}/${row.instance.id}`

/**
 * The wall's order, the same as sorting by compareBySeverity (worst group first, by name within a
 * group), at a cost a poll can afford: sorting 2,000 names with the collator takes 15–20 ms on
 * every poll, the whole frame budget. Names hardly ever change between polls, so the name order is
 * kept (by project and instance id) and a poll only walks the rows in that order, dropping each
 * into its severity group: one pass, no comparisons. A new, removed or renamed instance sorts the
 * names again.
 */
export class SeverityOrder {
  /** Position of each row key in name order, and the name it had there. */
  private positions = new Map<string, number>()
  private names: string[] = []

  order(rows: readonly FleetRow[], thresholds: MemoryThresholds): FleetRow[] {
    const byName = this.inNameOrder(rows)
    if (byName === null)
      return [...rows].sort((a, b) => compareBySeverity(a.instance, b.instance, thresholds))
    const groups: FleetRow[][] = SEVERITY_ORDER.map(() => [])
    for (const row of byName) groups[severityRank(row.instance, thresholds)]?.push(row)
    return groups.flat()
  }

  /** The rows sorted by name, from the kept order when it still fits; null for duplicate keys. */
  private inNameOrder(rows: readonly FleetRow[]): FleetRow[] | null {
    if (this.positions.size === rows.length) {
      const placed = new Array<FleetRow | undefined>(rows.length)
      let fits = true
      for (const row of rows) {
        const at = this.positions.get(rowKey(row))
        if (
          at === undefined ||
          placed[at] !== undefined ||
          this.names[at] !== displayName(row.instance)
        ) {
          fits = false
          break
        }
        placed[at] = row
      }
      if (fits) return placed as FleetRow[]
    }
    // Stable: rows equal by name and id (one id in two projects) keep the list's order.
    const sorted = [...rows].sort((a, b) => compareByName(a.instance, b.instance))
    this.positions = new Map(sorted.map((row, i) => [rowKey(row), i]))
    this.names = sorted.map((row) => displayName(row.instance))
    if (this.positions.size !== rows.length) {
      this.positions.clear()
      return null
    }
    return sorted
  }
}
