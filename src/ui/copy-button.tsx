import { useEffect, useState } from 'react'
import { cn } from './cn'
import { CopyIcon } from './icons'

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // Clipboard API refused (plain http on another host, or no permission): fall back to a selection.
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.append(area)
    area.select()
    const ok = document.execCommand('copy')
    area.remove()
    return ok
  }
}

/** Copies `value`; `label` names what is copied ("Copy IP address"). Confirms in a live region. */
export function CopyButton({
  value,
  label,
  children,
  icon = <CopyIcon className="size-3.5" />,
  className,
}: {
  value: string
  label: string
  children?: React.ReactNode
  icon?: React.ReactNode
  className?: string
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 1800)
    return () => clearTimeout(timer)
  }, [state])

  return (
    <button
      type="button"
      aria-label={children ? undefined : label}
      title={label}
      onClick={async () => setState((await writeClipboard(value)) ? 'copied' : 'failed')}
      className={cn(
        'inline-flex shrink-0 items-center gap-1 rounded-md border border-line px-1.5 py-1 text-xs text-ink-muted hover:bg-surface-sunken hover:text-ink',
        className,
      )}
    >
      {icon}
      {children}
      <span role="status" className={state === 'idle' ? 'sr-only' : 'text-accent'}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
    </button>
  )
}

/** A monospace value followed by its copy button. */
export function CopyableValue({ value, label }: { value: string; label: string }) {
  return (
    <span className="inline-flex max-w-full items-center gap-2">
      <code className="min-w-0 font-mono text-[0.85em] [overflow-wrap:anywhere]">{value}</code>
      <CopyButton value={value} label={label} />
    </span>
  )
}
