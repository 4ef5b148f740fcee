/**
 * The DCS emulator: a Fastify server of its own on a loopback port that answers the v1 instance
 * API like the cloud does (auth header, DCS error bodies, list paging, verbatim detail objects).
 * The dashboard's proxy calls it over real HTTP, exactly as it would call a cloud endpoint.
 */
import { randomBytes } from 'node:crypto'
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
import { dcsErrors, gatewayTimeout, type DcsError } from './dcs-errors.ts'
import { DEMO_FLIPPING_INSTANCES, DEMO_PROJECTS, demoFleet, SEED_EXAMPLE_ID } from './demo-fleet.ts'
import {
  describeProject,
  validateEmulatorData,
  type EmulatorData,
  type EmulatorProject,
  type WireInstance,
} from './emulator-data.ts'
import { EmulatedIam, type IamAccessKey, type IamUser } from './iam.ts'
import { InstanceStore, PATCHABLE_FIELDS, type InstancePatch } from './instance-store.ts'
import { listInstances, parseListQuery, type RawQuery } from './list-query.ts'
import { Simulation } from './simulation.ts'

export interface EmulatorOptions {
  /** Instances to serve; the built-in demo fleet when omitted. */
  data?: EmulatorData
  /** Names and regions of the projects; derived from the data when omitted. */
  projects?: EmulatorProject[]
  /** The token that X-Auth-Token must carry; random when omitted. */
  token?: string
  host?: string
  /** 0 (default) picks a free port. */
  port?: number
  /** Memory drift and status flips; default on for the demo fleet, off for given data. */
  simulate?: boolean
  simulateIntervalMs?: number
  /** Enables the /_emulator/* fault and change endpoints. */
  control?: boolean
  /** How long a "timeout" fault holds the request before the gateway's 504 (default 30 s). */
  timeoutFaultMs?: number
  /** The emulated IAM: who may sign in, which keys may sign, token lifetime, clock. */
  iam?: EmulatorIamOptions
}

export interface EmulatorIamOptions {
  /** Domain (account) of the demo projects; EMULATOR_DOMAIN by default. */
  domain?: string
  users?: IamUser[]
  accessKeys?: IamAccessKey[]
  tokenLifetimeMs?: number
  now?: () => number
}

/** Demo credentials of the emulated IAM, documented in the README; they guard nothing real. */
export const EMULATOR_DOMAIN = 'OTC-EU-DE-EMULATOR'
export const EMULATOR_USER: IamUser = {
  name: 'dashboard',
  password: 'emulator-password',
  domain: EMULATOR_DOMAIN,
}
export const EMULATOR_ACCESS_KEY: IamAccessKey = {
  ak: 'EMULATORAK0000000001',
  sk: 'emulator-secret-key-0000000000000000',
  domain: EMULATOR_DOMAIN,
}

/** IAM project names follow OTC's `<region>_<name>` pattern: "eu-de demo" → "eu-de_demo". */
export function iamProjectName(project: EmulatorProject): string {
  return project.name.trim().replace(/\s+/g, '_')
}

export type FaultKind = '429' | '500' | '503' | '504' | 'timeout' | 'malformed'
const FAULT_KINDS: readonly FaultKind[] = ['429', '500', '503', '504', 'timeout', 'malformed']

export interface EmulatorStats {
  /** DCS API requests (not /_emulator ones) since start or the last reset. */
  total: number
  /** Requests by route, e.g. `GET /v1.0/{project_id}/instances`. */
  byRoute: Record<string, number>
  /** Requests answered 401 (missing or wrong token). */
  unauthorized: number
}

export interface FaultState {
  kind: FaultKind | null
  remaining: number
  down: boolean
}

export interface Emulator {
  url: string
  port: number
  token: string
  projects: EmulatorProject[]
  controlEnabled: boolean
  /** Keystone-style token service at `${url}/v3/auth/tokens`, and AK/SK checks. */
  iam: EmulatedIam
  store: InstanceStore
  stats(): EmulatorStats
  /** Restores the initial data and clears faults and stats. */
  reset(): void
  /** Runs one simulation step now (tests). */
  simulateTick(): void
  close(): Promise<void>
}

const ROUTE_LIST = '/v1.0/:project_id/instances'
const ROUTE_DETAIL = '/v1.0/:project_id/instances/:instance_id'
const JSON_TYPE = 'application/json;charset=UTF-8'

function routeLabel(method: string, url: string | undefined): string {
  if (url === undefined) return `${method} (no route)`
  return `${method} ${url.replace(/:([a-z_]+)/g, '{$1}')}`
}

function sendError(reply: FastifyReply, error: DcsError): FastifyReply {
  return reply.code(error.status).header('content-type', JSON_TYPE).send(JSON.stringify(error.body))
}

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const usingDemo = options.data === undefined
  const data = usingDemo ? demoFleet() : validateEmulatorData(options.data, 'emulator data')
  const projects =
    options.projects ??
    (usingDemo
      ? DEMO_PROJECTS
      : Object.entries(data.projects).map(([id, instances]) => describeProject(id, instances)))
  const token = options.token ?? `emu-${randomBytes(16).toString('hex')}`
  const controlEnabled = options.control === true
  const timeoutFaultMs = options.timeoutFaultMs ?? 30_000
  const store = new InstanceStore(data)

  const simulation = new Simulation(store, {
    intervalMs: options.simulateIntervalMs ?? 5_000,
    flipping: usingDemo ? DEMO_FLIPPING_INSTANCES : [],
    frozen: usingDemo ? [SEED_EXAMPLE_ID] : [],
  })
  if (options.simulate ?? usingDemo) simulation.start()

  let stats: EmulatorStats = { total: 0, byRoute: {}, unauthorized: 0 }
  const faults: FaultState = { kind: null, remaining: 0, down: false }
  const heldTimers = new Set<NodeJS.Timeout>()

  const app = Fastify({ logger: false, forceCloseConnections: true })
  let baseUrl = ''
  const iamOptions = options.iam ?? {}
  const domain = iamOptions.domain ?? EMULATOR_DOMAIN
  const iam = new EmulatedIam({
    users: iamOptions.users ?? [{ ...EMULATOR_USER, domain }],
    accessKeys: iamOptions.accessKeys ?? [{ ...EMULATOR_ACCESS_KEY, domain }],
    projects: projects.map((p) => ({
      id: p.id,
      name: iamProjectName(p),
      region: p.region,
      domain,
    })),
    tokenLifetimeMs: iamOptions.tokenLifetimeMs,
    now: iamOptions.now,
    dcsEndpoint: () => baseUrl,
  })
  iam.register(app)

  app.addHook('onRequest', async (request) => {
    // Control calls and IAM sign-ins are not DCS calls; IAM keeps its own counters.
    if (request.url.startsWith('/_emulator/') || request.url.startsWith('/v3/')) return
    const label = routeLabel(request.method, request.routeOptions.url)
    stats.total += 1
    stats.byRoute[label] = (stats.byRoute[label] ?? 0) + 1
  })

  /** Answers with the next queued fault, if any; true when the request was answered. */
  async function answeredByFault(
    request: FastifyRequest,
    reply: FastifyReply,
    malformed: string,
  ): Promise<boolean> {
    if (faults.down) {
      sendError(reply, dcsErrors.unavailable)
      return true
    }
    if (faults.remaining <= 0 || faults.kind === null) return false
    const kind = faults.kind
    faults.remaining -= 1
    if (faults.remaining === 0) faults.kind = null
    switch (kind) {
      case '429':
        reply.header('retry-after', '1')
        sendError(reply, {
          status: 429,
          body: {
            error_msg: 'The throttling threshold has been reached: policy user over ratelimit',
            error_code: 'APIGW.0308',
            request_id: randomBytes(16).toString('hex'),
          },
        })
        return true
      case '500':
        sendError(reply, dcsErrors.internal)
        return true
      case '503':
        sendError(reply, dcsErrors.unavailable)
        return true
      case '504':
        sendError(reply, gatewayTimeout())
        return true
      case 'malformed':
        reply.code(200).header('content-type', JSON_TYPE).send(malformed)
        return true
      case 'timeout': {
        // Hold the request like a hung backend; the gateway gives up after its own timeout.
        reply.hijack()
        const raw = reply.raw
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            heldTimers.delete(timer)
            if (!raw.destroyed) {
              const { status, body } = gatewayTimeout()
              raw.writeHead(status, { 'content-type': JSON_TYPE }).end(JSON.stringify(body))
            }
            resolve()
          }, timeoutFaultMs)
          heldTimers.add(timer)
          request.raw.socket.once('close', () => {
            clearTimeout(timer)
            heldTimers.delete(timer)
            resolve()
          })
        })
        return true
      }
    }
  }

  /**
   * Token and project checks, in the cloud's order: credential first, then project scope. The
   * emulator's own token (the dashboard's default mode) is valid for every project it serves;
   * tokens from its IAM and AK/SK signatures are checked like the cloud checks them.
   */
  function authError(request: FastifyRequest, projectId: string): DcsError | undefined {
    const header = request.headers['x-auth-token']
    const given = Array.isArray(header) ? header[0] : header
    const signed = (request.headers.authorization ?? '').startsWith('SDK-HMAC-SHA256')
    if (!signed && given === token) {
      return store.hasProject(projectId) ? undefined : dcsErrors.projectMismatch
    }
    const check = iam.authorize(
      { method: request.method, url: request.url, headers: request.headers },
      projectId,
    )
    return check.ok ? undefined : check.refusal
  }

  async function guard(
    request: FastifyRequest<{ Params: { project_id: string } }>,
    reply: FastifyReply,
    malformed: string,
  ): Promise<boolean> {
    // Like the cloud's gateway: credentials are checked before the service can fail.
    const error = authError(request, request.params.project_id)
    if (error !== undefined) {
      if (error.status === 401) stats.unauthorized += 1
      sendError(reply, error)
      return true
    }
    return answeredByFault(request, reply, malformed)
  }

  app.get<{ Params: { project_id: string }; Querystring: RawQuery }>(
    ROUTE_LIST,
    async (request, reply) => {
      if (await guard(request, reply, '{"instances": [')) return reply
      const parsed = parseListQuery(request.query)
      if (!parsed.ok) return sendError(reply, parsed.error)
      const body = listInstances(store.instances(request.params.project_id), parsed.query)
      return reply.header('content-type', JSON_TYPE).send(JSON.stringify(body))
    },
  )

  app.get<{ Params: { project_id: string; instance_id: string } }>(
    ROUTE_DETAIL,
    async (request, reply) => {
      if (await guard(request, reply, '{"name": "dcs-')) return reply
      const instance = store.get(request.params.project_id, request.params.instance_id)
      if (instance === undefined) return sendError(reply, dcsErrors.instanceNotFound)
      return reply.header('content-type', JSON_TYPE).send(JSON.stringify(instance))
    },
  )

  if (controlEnabled) registerControl()

  app.setNotFoundHandler((request, reply) => {
    const known = /^\/v1\.0\/[^/]+\/instances(\/[^/?]+)?(\?|$)/.test(request.url)
    if (known && request.method !== 'GET' && request.method !== 'HEAD') {
      return sendError(reply, dcsErrors.methodNotAllowed)
    }
    return sendError(reply, dcsErrors.urlNotFound)
  })

  function registerControl(): void {
    const bad = (reply: FastifyReply, message: string) => reply.code(400).send({ error: message })

    app.get('/_emulator/faults', async () => faults)

    app.post<{ Body: unknown }>('/_emulator/faults', async (request, reply) => {
      const body = request.body
      if (typeof body !== 'object' || body === null) return bad(reply, 'expected a JSON object')
      const { count, kind, down } = body as Record<string, unknown>
      if (down !== undefined) {
        if (typeof down !== 'boolean') return bad(reply, '"down" must be true or false')
        faults.down = down
      }
      if (count !== undefined || kind !== undefined) {
        const n = count ?? 1
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
          return bad(reply, '"count" must be a whole number ≥ 0')
        }
        if (n > 0 && !FAULT_KINDS.includes(kind as FaultKind)) {
          return bad(reply, `"kind" must be one of ${FAULT_KINDS.join(', ')}`)
        }
        faults.remaining = n
        faults.kind = n > 0 ? (kind as FaultKind) : null
      }
      return faults
    })

    app.patch<{ Params: { project: string; id: string }; Body: unknown }>(
      '/_emulator/projects/:project/instances/:id',
      async (request, reply) => {
        const body = request.body
        if (typeof body !== 'object' || body === null) return bad(reply, 'expected a JSON object')
        const patch: InstancePatch = {}
        for (const [field, value] of Object.entries(body)) {
          if (!(PATCHABLE_FIELDS as readonly string[]).includes(field)) {
            return bad(reply, `"${field}" cannot be changed; use ${PATCHABLE_FIELDS.join(', ')}`)
          }
          patch[field as keyof InstancePatch] = value
        }
        const { project, id } = request.params
        const instance = store.patch(project, id, patch)
        if (instance === undefined) return reply.code(404).send({ error: 'no such instance' })
        simulation.rebase(`${project}/${id}`)
        return reply.header('content-type', JSON_TYPE).send(JSON.stringify(instance))
      },
    )

    app.delete<{ Params: { project: string; id: string } }>(
      '/_emulator/projects/:project/instances/:id',
      async (request, reply) => {
        const removed = store.remove(request.params.project, request.params.id)
        if (!removed) return reply.code(404).send({ error: 'no such instance' })
        return reply.code(204).send()
      },
    )

    app.get('/_emulator/stats', async () => ({ ...stats, iam: iam.stats() }))
    app.delete('/_emulator/stats', async (_request, reply) => {
      stats = { total: 0, byRoute: {}, unauthorized: 0 }
      iam.resetStats()
      return reply.code(204).send()
    })

    app.post('/_emulator/reset', async (_request, reply) => {
      reset()
      return reply.code(204).send()
    })
  }

  function reset(): void {
    store.reset()
    simulation.rebase()
    faults.kind = null
    faults.remaining = 0
    faults.down = false
    stats = { total: 0, byRoute: {}, unauthorized: 0 }
    iam.resetStats()
  }

  const host = options.host ?? '127.0.0.1'
  await app.listen({ host, port: options.port ?? 0 })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  const urlHost = host.includes(':') ? `[${host}]` : host
  baseUrl = `http://${urlHost}:${port}`

  return {
    url: `http://${urlHost}:${port}`,
    port,
    token,
    projects,
    controlEnabled,
    iam,
    store,
    stats: () => structuredClone(stats),
    reset,
    simulateTick: () => simulation.tick(),
    close: async () => {
      simulation.stop()
      for (const timer of heldTimers) clearTimeout(timer)
      heldTimers.clear()
      await app.close()
    },
  }
}

export type { EmulatorData, EmulatorProject, WireInstance }
