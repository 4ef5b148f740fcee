import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, expect, test } from 'vitest'
import { ACCESS_COOKIE, registerDashboardAccess } from './dashboard-access.ts'

const TOKEN = 'wall-screen-token-4f1d'
let app: FastifyInstance | undefined
let base = ''

afterEach(async () => {
  await app?.close()
  app = undefined
})

async function start() {
  app = Fastify({ logger: false })
  registerDashboardAccess(app, { token: TOKEN })
  app.get('/', async () => 'page')
  app.get('/wall', async () => 'wall')
  app.get('/api/config', async () => ({ ok: true }))
  app.get('/healthz', async () => ({ status: 'ok' }))
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  base = `http://127.0.0.1:${address.port}`
}

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers, redirect: 'manual' })

test('without the token: pages get a basic-auth challenge, the API a plain 401, /healthz stays open', async () => {
  await start()
  const page = await get('/wall')
  expect(page.status).toBe(401)
  expect(page.headers.get('www-authenticate')).toMatch(/^Basic realm="DCS Dashboard"/)
  const api = await get('/api/config')
  expect(api.status).toBe(401)
  expect(api.headers.get('www-authenticate')).toBeNull()
  expect(await api.json()).toMatchObject({ error_code: 'DASH.UNAUTHORIZED' })
  expect((await get('/healthz')).status).toBe(200)
})

test('one link with ?access_token= sets an HttpOnly cookie and drops the token from the address', async () => {
  await start()
  const first = await get(`/wall?page=2&access_token=${TOKEN}`)
  expect(first.status).toBe(303)
  expect(first.headers.get('location')).toBe('/wall?page=2')
  const setCookie = first.headers.get('set-cookie') ?? ''
  expect(setCookie).toMatch(
    new RegExp(`^${ACCESS_COOKIE}=[\\w-]+; Path=/; Max-Age=\\d+; HttpOnly; SameSite=Lax$`),
  )
  expect(setCookie).not.toContain(TOKEN)
  const cookie = setCookie.split(';')[0] ?? ''
  expect(await (await get('/wall?page=2', { cookie })).text()).toBe('wall')
  expect((await get('/api/config', { cookie })).status).toBe(200)
  expect((await get('/api/config', { cookie: `${ACCESS_COOKIE}=forged` })).status).toBe(401)
})

test('bearer and basic auth with the token pass; wrong tokens do not', async () => {
  await start()
  expect((await get('/api/config', { authorization: `Bearer ${TOKEN}` })).status).toBe(200)
  const basic = Buffer.from(`viewer:${TOKEN}`).toString('base64')
  expect((await get('/', { authorization: `Basic ${basic}` })).status).toBe(200)
  expect((await get('/', { authorization: 'Bearer nope' })).status).toBe(401)
  expect(
    (await get('/', { authorization: `Basic ${Buffer.from(`${TOKEN}:x`).toString('base64')}` }))
      .status,
  ).toBe(401)
  expect((await get('/wall?access_token=nope')).status).toBe(401)
})

test('the redirect after ?access_token= never leaves the site', async () => {
  await start()
  for (const path of [
    `//evil.example/?access_token=${TOKEN}`,
    `/\\evil.example?access_token=${TOKEN}`,
  ]) {
    const response = await get(path)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/')
  }
})
