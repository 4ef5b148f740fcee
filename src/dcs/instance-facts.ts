import type { Instance, InstanceMode } from '@/dcs/model'

/**
 * Facts about one instance, decoded for people. The severity order shared by list and wall lives
 * in fleet-view.ts (severityGroup, compareBySeverity), next to the other fleet-wide views.
 */

const MODE_LABEL: Record<InstanceMode, string> = {
  single: 'Single node',
  master_standby: 'Master/standby',
  cluster: 'Cluster',
  proxy: 'Proxy cluster',
  rw_split: 'Read/write splitting',
  unknown: 'Unknown mode',
}

export function modeLabel(mode: InstanceMode): string {
  return MODE_LABEL[mode]
}

/** `charging_mode`: 0 pay-per-use, 1 yearly/monthly (HWSDK); other numbers shown as sent. */
export function billingLabel(chargingMode: number | null): string {
  if (chargingMode === 0) return 'Pay-per-use'
  if (chargingMode === 1) return 'Yearly/monthly'
  return chargingMode === null ? 'Unknown' : `Mode ${chargingMode}`
}

export function isMemcached(instance: Pick<Instance, 'engine'>): boolean {
  return instance.engine?.trim().toLowerCase() === 'memcached'
}

/** "Redis 3.0.7", "Memcached"; null when the cloud sent neither engine nor version. */
export function engineLabel(instance: Pick<Instance, 'engine' | 'engineVersion'>): string | null {
  const label = [instance.engine?.trim(), instance.engineVersion?.trim()].filter(Boolean).join(' ')
  return label === '' ? null : label
}

/** The host a client should use: the domain name survives IP changes, so it comes first. */
export function connectHost(instance: Pick<Instance, 'domainName' | 'ips'>): string | null {
  return instance.domainName ?? instance.ips[0] ?? null
}

/**
 * A command to paste into a shell on a host in the same VPC; null without a host. A Redis
 * cluster needs `-c` so redis-cli follows MOVED redirects; a proxy cluster looks like one node.
 * Memcached speaks a text protocol, so telnet is the universal client.
 */
export function clientCommand(
  instance: Pick<Instance, 'engine' | 'domainName' | 'ips' | 'port' | 'mode'>,
): string | null {
  const host = connectHost(instance)
  if (host === null) return null
  // telnet needs a port: Memcached's standard one. redis-cli gets no -p for an unknown port
  // rather than an invented one.
  if (isMemcached(instance)) return `telnet ${host} ${instance.port ?? 11211}`
  const port = instance.port !== null ? ` -p ${instance.port}` : ''
  const cluster = instance.mode === 'cluster' ? ' -c' : ''
  return `redis-cli -h ${host}${port}${cluster}`
}
