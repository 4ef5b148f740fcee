import { expect, test } from 'vitest'
import {
  billingLabel,
  clientCommand,
  connectHost,
  engineLabel,
  modeLabel,
} from '@/dcs/instance-facts'
import { parseInstance } from '@/dcs/parse-instance'
import { fixture } from '@/dcs/shared-fixtures'

const instance = (name: string) => parseInstance(fixture(name)).instance

test('mode labels', () => {
  expect(modeLabel('single')).toBe('Single node')
  expect(modeLabel('master_standby')).toBe('Master/standby')
  expect(modeLabel('cluster')).toBe('Cluster')
  expect(modeLabel('proxy')).toBe('Proxy cluster')
  expect(modeLabel('rw_split')).toBe('Read/write splitting')
  expect(modeLabel('unknown')).toBe('Unknown mode')
})

test('billing labels', () => {
  expect(billingLabel(0)).toBe('Pay-per-use')
  expect(billingLabel(1)).toBe('Yearly/monthly')
  expect(billingLabel(3)).toBe('Mode 3')
  expect(billingLabel(null)).toBe('Unknown')
})

test('engine labels', () => {
  expect(engineLabel(instance('seed-example.json'))).toBe('Redis 3.0.7')
  expect(engineLabel({ engine: 'Memcached', engineVersion: null })).toBe('Memcached')
  expect(engineLabel({ engine: null, engineVersion: null })).toBeNull()
})

test('seed example: redis-cli against the first IP', () => {
  expect(clientCommand(instance('seed-example.json'))).toBe('redis-cli -h 192.168.3.100 -p 6379')
})

test('the domain name wins over the IP', () => {
  const detail = instance('otc-docs-v1-get.json')
  expect(connectHost(detail)).toBe('redis-f1da146b-f567-411a-a4c2-276fb831ca28.dcs.com')
  expect(clientCommand(detail)).toBe(
    'redis-cli -h redis-f1da146b-f567-411a-a4c2-276fb831ca28.dcs.com -p 6379',
  )
})

test('a Redis cluster adds -c, a proxy cluster does not', () => {
  const cluster = instance('huaweicloudDocs-v2-get-2021.json')
  expect(cluster.mode).toBe('cluster')
  expect(clientCommand(cluster)).toBe(
    'redis-cli -h redis-979e9a6-dcs-125d.dcs.huaweicloud.com -p 6379 -c',
  )
  const proxy = {
    engine: 'Redis',
    domainName: null,
    ips: ['10.0.0.5'],
    port: 6379,
    mode: 'proxy' as const,
  }
  expect(clientCommand(proxy)).toBe('redis-cli -h 10.0.0.5 -p 6379')
})

test('an unreadable port is left out of redis-cli rather than invented', () => {
  const seed = fixture('seed-example.json') as Record<string, unknown>
  const parsed = parseInstance({ ...seed, port: 'six' })
  expect(parsed.instance.port).toBeNull()
  expect(clientCommand(parsed.instance)).toBe('redis-cli -h 192.168.3.100')
})

test('Memcached uses telnet on its port, 11211 by default', () => {
  const base = { engine: 'Memcached', domainName: null, ips: ['10.0.0.7'], mode: 'single' as const }
  expect(clientCommand({ ...base, port: null })).toBe('telnet 10.0.0.7 11211')
  expect(clientCommand({ ...base, port: 11212 })).toBe('telnet 10.0.0.7 11212')
})

test('no host, no command', () => {
  expect(
    clientCommand({ engine: 'Redis', domainName: null, ips: [], port: 6379, mode: 'single' }),
  ).toBeNull()
})
