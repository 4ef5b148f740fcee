import type { ComponentType, SVGProps } from 'react'
import type { StatusClass } from '@/dcs/model'
import { statusInfo } from '@/dcs/statuses'
import { cn } from './cn'
import {
  AlertOctagonIcon,
  CheckCircleIcon,
  HelpCircleIcon,
  PauseCircleIcon,
  ProgressIcon,
} from './icons'

const tones: Record<StatusClass, string> = {
  failed: 'border-status-failed/50 bg-status-failed/10 text-status-failed',
  stopped: 'border-status-stopped/50 bg-status-stopped/10 text-status-stopped',
  progress: 'border-status-progress/50 bg-status-progress/10 text-status-progress',
  healthy: 'border-status-healthy/50 bg-status-healthy/10 text-status-healthy',
  unknown: 'border-status-unknown/50 bg-status-unknown/10 text-status-unknown',
}

export const statusIcons: Record<StatusClass, ComponentType<SVGProps<SVGSVGElement>>> = {
  failed: AlertOctagonIcon,
  stopped: PauseCircleIcon,
  progress: ProgressIcon,
  healthy: CheckCircleIcon,
  unknown: HelpCircleIcon,
}

/**
 * Status as colour, icon and text together (never colour alone); its meaning on hover.
 * Unknown statuses show their raw text on a neutral badge.
 */
export function StatusBadge({ status, className }: { status: string; className?: string }) {
  const info = statusInfo(status)
  const Icon = statusIcons[info.statusClass]
  return (
    <span
      title={info.meaning}
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-semibold tracking-wide whitespace-nowrap',
        tones[info.statusClass],
        className,
      )}
    >
      <Icon
        className={cn('size-[1.15em] shrink-0', info.statusClass === 'progress' && 'motion-pulse')}
      />
      {info.status || 'NO STATUS'}
    </span>
  )
}
