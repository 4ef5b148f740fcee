import { clientCommand } from '@/dcs/instance-facts'
import type { Instance } from '@/dcs/model'
import { CopyableValue } from '@/ui/copy-button'
import { FactList, Panel } from '@/ui/panel'

function copyable(value: string | null, label: string) {
  return value ? <CopyableValue value={value} label={label} /> : null
}

function nameAndId(name: string | null, id: string | null, what: string) {
  if (!name && !id) return null
  return (
    <span className="flex flex-col gap-0.5">
      {name && <span className="break-all">{name}</span>}
      {id && copyable(id, `Copy ${what} ID`)}
    </span>
  )
}

export function NetworkPanel({ instance }: { instance: Instance }) {
  const port = instance.port
  const addresses = instance.ips.map((ip) => (port !== null ? `${ip}:${port}` : ip))
  const command = clientCommand(instance)
  const zones = [...new Set([...instance.azCodes, ...instance.availableZones])]

  return (
    <Panel title="Network">
      <FactList
        rows={[
          [
            addresses.length > 1 ? 'Addresses' : 'Address',
            addresses.length ? (
              <span className="flex flex-col gap-1">
                {addresses.map((a) => (
                  <CopyableValue key={a} value={a} label={`Copy address ${a}`} />
                ))}
              </span>
            ) : null,
          ],
          ['Domain name', copyable(instance.domainName, 'Copy domain name')],
          ['Read-only domain', copyable(instance.readonlyDomainName, 'Copy read-only domain name')],
          [
            'Public IP',
            instance.publicIpEnabled
              ? (copyable(instance.publicIpAddress, 'Copy public IP') ?? 'Enabled, no address yet')
              : null,
          ],
          ['IPv6', copyable(instance.ipv6, 'Copy IPv6 address')],
          ['VPC', nameAndId(instance.vpcName, instance.vpcId, 'VPC')],
          [
            'Subnet',
            nameAndId(
              [instance.subnetName, instance.subnetCidr].filter(Boolean).join(' · ') || null,
              instance.subnetId,
              'subnet',
            ),
          ],
          [
            'Security group',
            nameAndId(instance.securityGroupName, instance.securityGroupId, 'security group'),
          ],
          ['Availability zones', zones.length ? zones.join(', ') : null],
          [
            'SSL',
            instance.sslEnabled === null ? null : instance.sslEnabled ? 'Enabled' : 'Disabled',
          ],
          [
            'Password',
            instance.noPasswordAccess === null
              ? null
              : instance.noPasswordAccess
                ? 'Not required (password-free access)'
                : 'Required',
          ],
        ]}
      />
      {command && (
        <div className="mt-4">
          <p className="mb-1 text-xs font-medium text-ink-muted">Connect from a host in the VPC</p>
          <div className="flex items-center gap-2 rounded-lg bg-surface-sunken px-3 py-2">
            <CopyableValue value={command} label="Copy client command" />
          </div>
        </div>
      )}
    </Panel>
  )
}
