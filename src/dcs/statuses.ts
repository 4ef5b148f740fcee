import type { StatusClass } from '@/dcs/model'

/**
 * The one status table of the app (PRODUCT.md "Status semantics", dcs/REFERENCE.md §2). Every
 * badge, filter, count and sort order reads from here.
 *
 * Two statuses PRODUCT.md leaves open, decided here:
 * - FREEZING is a transition towards FROZEN, like CLOSING towards CLOSED, so it is "in progress".
 * - PAYING waits for a person to pay an order; nothing happens by itself, so it is "stopped".
 */

export interface StatusInfo {
  /** The status exactly as the cloud sent it. */
  status: string
  statusClass: StatusClass
  /** Short human label, e.g. "Create failed"; for an unknown status the raw text. */
  label: string
  /** One sentence for a tooltip. */
  meaning: string
}

type StatusEntry = Omit<StatusInfo, 'status'>

const STATUS_TABLE: Record<string, StatusEntry> = {
  ERROR: {
    statusClass: 'failed',
    label: 'Error',
    meaning: 'The instance is abnormal or faulty and may not serve requests.',
  },
  CREATEFAILED: {
    statusClass: 'failed',
    label: 'Create failed',
    meaning: 'Creating the instance failed; it never became usable.',
  },
  FROZEN: {
    statusClass: 'stopped',
    label: 'Frozen',
    meaning: 'Frozen because of an unpaid balance; it is unfrozen after the account is topped up.',
  },
  CLOSED: {
    statusClass: 'stopped',
    label: 'Stopped',
    meaning: 'The instance was stopped normally and serves nothing until it is started again.',
  },
  DELETED: {
    statusClass: 'stopped',
    label: 'Deleted',
    meaning: 'The instance has been deleted.',
  },
  PAYING: {
    statusClass: 'stopped',
    label: 'Awaiting payment',
    meaning: 'The order for this instance waits for payment before anything else happens.',
  },
  CREATING: {
    statusClass: 'progress',
    label: 'Creating',
    meaning: 'The instance is being provisioned and will become Running when ready.',
  },
  STARTING: {
    statusClass: 'progress',
    label: 'Starting',
    meaning: 'The stopped instance is starting and will become Running.',
  },
  RESTARTING: {
    statusClass: 'progress',
    label: 'Restarting',
    meaning: 'The instance is restarting; connections are interrupted meanwhile.',
  },
  EXTENDING: {
    statusClass: 'progress',
    label: 'Scaling',
    meaning: 'The capacity of the instance is being changed.',
  },
  RESTORING: {
    statusClass: 'progress',
    label: 'Restoring',
    meaning: 'Data is being restored from a backup.',
  },
  FLUSHING: {
    statusClass: 'progress',
    label: 'Flushing',
    meaning: 'All data of the instance is being cleared.',
  },
  UPGRADING: {
    statusClass: 'progress',
    label: 'Upgrading',
    meaning: 'The cache engine or its version is being upgraded.',
  },
  ROLLBACKING: {
    statusClass: 'progress',
    label: 'Rolling back',
    meaning: 'A change to the instance is being rolled back.',
  },
  IPEXCHANGING: {
    statusClass: 'progress',
    label: 'Swapping IP',
    meaning: 'The instance IP address is being swapped, typically after a migration.',
  },
  CLOSING: {
    statusClass: 'progress',
    label: 'Stopping',
    meaning: 'The instance is being stopped and will become Stopped.',
  },
  DELETING: {
    statusClass: 'progress',
    label: 'Deleting',
    meaning: 'The instance is being deleted.',
  },
  MIGRATING: {
    statusClass: 'progress',
    label: 'Migrating',
    meaning: 'Data is being migrated to or from the instance.',
  },
  FREEZING: {
    statusClass: 'progress',
    label: 'Freezing',
    meaning: 'The instance is being frozen because of an unpaid balance.',
  },
  RUNNING: {
    statusClass: 'healthy',
    label: 'Running',
    meaning: 'The instance is healthy and serves cache traffic.',
  },
}

/** Every status the table knows, in class order (failed first). */
export const KNOWN_STATUSES: readonly string[] = Object.keys(STATUS_TABLE)

export const STATUS_CLASS_ORDER: readonly StatusClass[] = [
  'failed',
  'stopped',
  'progress',
  'healthy',
  'unknown',
]

export const STATUS_CLASS_LABEL: Readonly<Record<StatusClass, string>> = {
  failed: 'Failed',
  stopped: 'Stopped',
  progress: 'In progress',
  healthy: 'Healthy',
  unknown: 'Unknown',
}

/** Case-insensitive; the raw text is kept in `status` and shown as the label of unknown ones. */
export function statusInfo(status: string): StatusInfo {
  const entry = STATUS_TABLE[status.trim().toUpperCase()]
  if (entry) return { status, ...entry }
  const text = status.trim()
  return {
    status,
    statusClass: 'unknown',
    label: text === '' ? 'No status' : text,
    meaning:
      text === ''
        ? 'The cloud sent no status for this instance.'
        : `The cloud reported "${text}", a status this dashboard does not know.`,
  }
}

export function statusClassOf(status: string): StatusClass {
  return statusInfo(status).statusClass
}
