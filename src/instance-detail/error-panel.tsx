import { useEffect, useState } from 'react'
import { apiErrorCodesLoaded, describeErrorCode, loadApiErrorCodes } from '@/dcs/error-codes'
import { FactList, Panel } from '@/ui/panel'

/** Decodes `code`; an API code renders again once the on-demand API code table has loaded. */
function useDecodedErrorCode(code: string) {
  const [, setApiLoaded] = useState(apiErrorCodesLoaded)
  const decoded = describeErrorCode(code)
  const needsApiTable = decoded.family === 'api' && !apiErrorCodesLoaded()
  useEffect(() => {
    if (!needsApiTable) return
    let live = true
    loadApiErrorCodes().then(
      () => live && setApiLoaded(true),
      () => {}, // shown as an unknown code, as sent
    )
    return () => {
      live = false
    }
  }, [needsApiTable])
  return decoded
}

export function ErrorPanel({ code, className }: { code: string; className?: string }) {
  const decoded = useDecodedErrorCode(code)
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
