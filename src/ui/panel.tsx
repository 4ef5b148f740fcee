import { useId, type ReactNode } from 'react'
import { cn } from './cn'

/** A titled section: a `<section>` labelled by its heading, so it can be found by role and name. */
export function Panel({
  title,
  actions,
  children,
  className,
  tone = 'default',
}: {
  title: string
  actions?: ReactNode
  children: ReactNode
  className?: string
  tone?: 'default' | 'danger'
}) {
  const headingId = useId()
  return (
    <section
      aria-labelledby={headingId}
      className={cn(
        'rounded-xl border bg-surface-raised p-4 shadow-sm sm:p-5',
        tone === 'danger' ? 'border-status-failed/60' : 'border-line',
        className,
      )}
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-sm font-semibold tracking-wide text-ink-muted uppercase">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  )
}

/** A definition list of label/value rows; rows whose value is null are left out. */
export function FactList({ rows }: { rows: Array<[label: string, value: ReactNode | null]> }) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== '')
  return (
    <dl className="grid grid-cols-[minmax(5.5rem,auto)_1fr] sm:grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2 text-sm">
      {shown.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-ink-muted">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  )
}
