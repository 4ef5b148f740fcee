/**
 * The normalized model of a DCS instance: what the app, proxy and emulator agree on after the
 * wire shape (dcs/REFERENCE.md §3, §9) has been parsed. Every field the cloud may omit or send as
 * null is nullable here; nothing downstream sees raw wire data.
 */

/** One problem found while parsing a response: the rest of the response still parsed. */
export interface FieldProblem {
  /** Wire field name, e.g. `max_memory`, or `(root)` for the whole body. */
  field: string
  /** Plain-language description, e.g. "expected a number, got the string \"abc\"". */
  message: string
}

export type StatusClass = 'failed' | 'stopped' | 'progress' | 'healthy' | 'unknown'

/** Deployment mode decoded from resource_spec_code / cache_mode / product_id / spec_code. */
export type InstanceMode =
  'single' | 'master_standby' | 'cluster' | 'proxy' | 'rw_split' | 'unknown'

export interface Tag {
  key: string
  value: string
}

export interface BackupPolicy {
  policyId: string | null
  /** `auto` or `manual` as sent; null when absent. */
  backupType: string | null
  /** Retention in days. */
  saveDays: number | null
  periodType: string | null
  /** ISO weekdays, 1 = Monday … 7 = Sunday, sorted and de-duplicated. */
  weekdays: number[]
  /** Start of the one-hour slot, `HH:mm`, from `begin_at` ("00:00-01:00"). */
  beginAt: string | null
  /** The slot as sent, e.g. "00:00-01:00". */
  slot: string | null
  timezoneOffset: string | null
  createdAt: string | null
  updatedAt: string | null
}

export interface Instance {
  id: string
  name: string
  /** Raw status as sent (any string; unknown statuses are kept). */
  status: string
  engine: string | null
  engineVersion: string | null
  mode: InstanceMode
  /** Nominal capacity in GB; 0.125 for a 128 MB flavor (capacity 0 + capacity_minor ".125"). */
  capacityGb: number | null
  usedMemoryMb: number | null
  maxMemoryMb: number | null
  /** Connection IPs; a cluster sends a comma-separated list. */
  ips: string[]
  port: number | null
  domainName: string | null
  readonlyDomainName: string | null
  backendAddrs: string[]
  ipv6: string | null
  publicIpEnabled: boolean | null
  publicIpAddress: string | null
  sslEnabled: boolean | null
  noPasswordAccess: boolean | null
  accessUser: string | null
  vpcId: string | null
  vpcName: string | null
  subnetId: string | null
  subnetName: string | null
  subnetCidr: string | null
  /** Null when absent or the placeholder "securityGroupId". */
  securityGroupId: string | null
  securityGroupName: string | null
  /** AZ ids (`available_zones`, string normalised to a one-element list). */
  availableZones: string[]
  /** AZ codes such as eu-de-02 (`az_codes`, also `[{az_code}]`). */
  azCodes: string[]
  /** `HH:mm:ss` UTC as sent, or null. */
  maintainBegin: string | null
  maintainEnd: string | null
  backupPolicy: BackupPolicy | null
  /** Instance error code (`dcs.01.0001` …, or an API code), null when fine. */
  errorCode: string | null
  /** 0 pay-per-use, 1 yearly/monthly; other numbers kept. */
  chargingMode: number | null
  productId: string | null
  /** `resource_spec_code` or `spec_code`. */
  specCode: string | null
  cacheMode: string | null
  cpuType: string | null
  orderId: string | null
  userId: string | null
  userName: string | null
  description: string | null
  enterpriseProjectId: string | null
  enterpriseProjectName: string | null
  createdAt: string | null
  updatedAt: string | null
  launchedAt: string | null
  tags: Tag[]
  task: string | null
  taskStatus: string | null
  subStatus: string | null
  freezeScene: string | null
}

export interface ParsedInstance {
  instance: Instance
  problems: FieldProblem[]
}

export interface ParsedInstanceList {
  instances: ParsedInstance[]
  /** `instance_num`: the total across all pages; null when missing or malformed. */
  total: number | null
  problems: FieldProblem[]
}

/** A project the dashboard watches, as the server's config endpoint describes it. */
export interface ProjectInfo {
  id: string
  /** Display name, e.g. "eu-de demo" or the OpenStack project name. */
  name: string
  region: string
  source: 'emulator' | 'cloud'
}

export interface DashboardConfig {
  projects: ProjectInfo[]
  /** Build id of the served app; a wall screen reloads when it changes. */
  version: string
  /** Default poll interval in seconds. */
  refreshSeconds: number
}
