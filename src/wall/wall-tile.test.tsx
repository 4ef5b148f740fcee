// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { DEFAULT_MEMORY_THRESHOLDS } from '@/dcs/memory'
import type { Instance } from '@/dcs/model'
import { parseInstanceList } from '@/dcs/parse-instance'
import { WallTile } from './wall-tile'

function wire(id: string, name: string, status: string, used: number) {
  return {
    instance_id: id,
    name,
    status,
    engine: 'Redis',
    engine_version: '5.0',
    capacity: 1,
    max_memory: 1024,
    used_memory: used,
    ip: '10.0.0.1',
    port: 6379,
    resource_spec_code: 'redis.single.xu1.large.1',
    available_zones: ['eu-de-01'],
    error_code: status === 'ERROR' ? 'dcs.04.0004' : null,
  }
}

/** What the emulated DCS answers at the moment. */
const upstream: { body: unknown } = { body: null }
const readUpstream = () => parseInstanceList(upstream.body)

test('a poll keeps unchanged instances as the same objects, so their tiles can skip rendering', async () => {
  const client = new QueryClient()
  const key = ['dcs', 'p', 'list']
  upstream.body = {
    instance_num: 2,
    instances: [wire('a', 'alpha', 'RUNNING', 100), wire('b', 'beta', 'RUNNING', 200)],
  }
  // What screens read is the cached data, after structural sharing (not fetchQuery's raw result).
  const fetchList = async () => {
    await client.fetchQuery({ queryKey: key, queryFn: readUpstream, staleTime: 0 })
    return client.getQueryData<ReturnType<typeof parseInstanceList>>(key)!
  }
  const first = await fetchList()
  upstream.body = {
    instance_num: 2,
    instances: [wire('a', 'alpha', 'RUNNING', 100), wire('b', 'beta', 'ERROR', 200)],
  }
  const second = await fetchList()
  expect(second.instances[0]?.instance).toBe(first.instances[0]?.instance)
  expect(second.instances[1]?.instance).not.toBe(first.instances[1]?.instance)
  expect(second.instances[1]?.instance.status).toBe('ERROR')
})

test('a tile renders again only when its instance changed', () => {
  const [alpha, beta] = parseInstanceList({
    instance_num: 2,
    instances: [wire('a', 'alpha', 'RUNNING', 100), wire('b', 'beta', 'ERROR', 950)],
  }).instances.map((p) => p.instance)
  if (!alpha || !beta) throw new Error('the list did not parse')
  // Every render of a tile reads its instance's name: count the reads.
  const reads: string[] = []
  const counted = (instance: Instance): Instance => {
    const copy = { ...instance }
    Object.defineProperty(copy, 'name', {
      enumerable: true,
      get: () => {
        reads.push(instance.name)
        return instance.name
      },
    })
    return copy
  }
  const wall = (instances: Instance[]) => (
    <ul>
      {instances.map((instance) => (
        <WallTile
          key={instance.id}
          instance={instance}
          thresholds={DEFAULT_MEMORY_THRESHOLDS}
          projectLabel={null}
        />
      ))}
    </ul>
  )
  const a = counted(alpha)
  const b = counted(beta)
  const { rerender } = render(wall([a, b]))
  expect(new Set(reads)).toEqual(new Set(['alpha', 'beta']))
  expect(screen.getByText('beta')).toBeInTheDocument()
  expect(screen.getByText(/dcs\.04\.0004/)).toBeInTheDocument()
  expect(screen.getByRole('meter', { name: 'Memory used by beta' })).toHaveAttribute(
    'aria-valuetext',
    '92.8 %',
  )

  reads.length = 0
  rerender(wall([a, counted({ ...beta, status: 'RUNNING', errorCode: null })]))
  expect(new Set(reads)).toEqual(new Set(['beta']))
  expect(screen.queryByText(/dcs\.04\.0004/)).not.toBeInTheDocument()
  expect(screen.getAllByText('RUNNING')).toHaveLength(2)
})
