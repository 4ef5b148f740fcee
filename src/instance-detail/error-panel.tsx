import { describeErrorCode } from '@/dcs/error-codes'
import { FactList, Panel } from '@/ui/panel'

export function ErrorPanel({ code, className }: { code: string; className?: string }) {
  const decoded = describeErrorCode(code)
  return (
    <Panel title="Error" tone="danger" className={className}>
      <p className="text-base font-medium">
        {decoded.message ?? 'This error code is not in the DCS documentation.'}
      </p>
      <div className="mt-3">
        <FactList
          rows={[
            ['Code', <code className="font-mono">{decoded.code}</code>],
            [
              'Source',
              decoded.known
                ? decoded.family === 'instance'
                  ? 'Instance error code (DCS instance query, Table 3)'
                  : `DCS API error code${decoded.httpStatus ? ` (HTTP ${decoded.httpStatus})` : ''}`
                : 'Unknown code, shown as sent',
            ],
            ['What to do', decoded.advice],
          ]}
        />
      </div>
    </Panel>
  )
}
