import { cn } from './cn'

export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={cn('motion-pulse rounded-md bg-surface-sunken', className)}
    />
  )
}
