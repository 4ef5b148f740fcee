import { formatMegabytes, memoryUsage } from '@/dcs/memory'
import type { Instance } from '@/dcs/model'
import { MemoryMeter } from '@/ui/memory-meter'
import { Panel } from '@/ui/panel'

export function MemoryPanel({ instance }: { instance: Instance }) {
  const { usedMemoryMb: used, maxMemoryMb: max } = instance
  const usage = memoryUsage(used, max)
  return (
    <Panel title="Memory">
      <MemoryMeter usedMb={used} maxMb={max} size="lg" />
      <p className="mt-3 text-sm text-ink-muted">
        {usage.over && used !== null && max !== null
          ? `Used memory is ${formatMegabytes(used - max)} above the maximum: the instance is evicting keys or refusing writes.`
          : usage.level === 'critical'
            ? 'Critical from 90 %: keys may be evicted or writes refused soon.'
            : usage.level === 'warning'
              ? 'Warning from 75 %: plan a scale-up or check key expiry.'
              : usage.level === 'unknown'
                ? 'DCS reports no maximum yet (usual while an instance is being created).'
                : 'Below the 75 % warning threshold.'}
        {max !== null && instance.capacityGb !== null && max > 0 && max < instance.capacityGb * 1024
          ? ` Usable maximum ${formatMegabytes(max)} is below the nominal capacity (normal for Redis 3.0).`
          : ''}
      </p>
    </Panel>
  )
}
