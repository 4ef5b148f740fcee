import type { FieldProblem } from '@/dcs/model'
import { cn } from '@/ui/cn'
import { WarningIcon } from '@/ui/icons'

/** Fields DCS sent in a form we could not read; everything else on the page is still shown. */
export function ParseProblems({
  problems,
  className,
}: {
  problems: FieldProblem[]
  className?: string
}) {
  return (
    <div
      className={cn('rounded-lg border border-line bg-surface-raised px-3 py-2 text-sm', className)}
    >
      <p className="flex items-center gap-2 font-medium">
        <WarningIcon className="size-4 text-memory-warning" />
        {problems.length === 1 ? 'One field' : `${problems.length} fields`} in this response could
        not be read; the rest is shown.
      </p>
      <ul className="mt-1 list-disc pl-6 text-ink-muted">
        {problems.map((p) => (
          <li key={`${p.field}:${p.message}`}>
            <code className="font-mono">{p.field}</code>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  )
}
