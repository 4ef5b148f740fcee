import { useMemo } from 'react'
import { CopyButton } from '@/ui/copy-button'
import { Panel } from '@/ui/panel'

/** The exact response, pretty-printed for reading and copyable verbatim for bug reports. */
export function RawJsonPanel({
  rawText,
  pending,
  className,
}: {
  rawText: string
  pending: boolean
  className?: string
}) {
  const pretty = useMemo(() => {
    try {
      return JSON.stringify(JSON.parse(rawText), null, 2)
    } catch {
      return rawText
    }
  }, [rawText])

  return (
    <Panel
      title="Raw JSON"
      className={className}
      actions={rawText ? <CopyButton value={rawText} label="Copy the exact response" /> : null}
    >
      {pending ? (
        <p className="text-sm text-ink-muted">Waiting for the full instance response…</p>
      ) : (
        <details>
          <summary className="cursor-pointer text-sm text-ink-muted">
            Show the exact response of GET /v1.0/…/instances/… ({rawText.length} bytes)
          </summary>
          <pre className="mt-3 max-h-[32rem] overflow-auto rounded-lg bg-surface-sunken p-3 font-mono text-xs">
            {pretty}
          </pre>
        </details>
      )}
    </Panel>
  )
}
