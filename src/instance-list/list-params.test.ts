import { expect, test } from 'vitest'
import { cleanListParams, listViewToParams, parseListView } from './list-params'

const parse = (query: string) => parseListView(new URLSearchParams(query))

test('no query: worst first, page 1, 50 per page, no filter', () => {
  expect(parse('')).toEqual({
    query: '',
    statusClasses: [],
    statuses: [],
    engines: [],
    modes: [],
    projectIds: [],
    sort: 'severity',
    direction: 'asc',
    page: 1,
    pageSize: 50,
  })
})

test('a view survives the round trip through the URL', () => {
  const query =
    'q=cart&class=failed%2Cstopped&status=ERROR&engine=Redis&mode=cluster&project=p1&sort=memory&dir=asc&page=3&size=100'
  const view = parse(query)
  expect(view).toMatchObject({
    query: 'cart',
    statusClasses: ['failed', 'stopped'],
    statuses: ['ERROR'],
    engines: ['Redis'],
    modes: ['cluster'],
    projectIds: ['p1'],
    sort: 'memory',
    direction: 'asc',
    page: 3,
    pageSize: 100,
  })
  expect(listViewToParams(view).toString()).toBe(query)
})

test('defaults are left out of the link', () => {
  expect(listViewToParams(parse('sort=memory&dir=desc&page=1&size=50')).toString()).toBe(
    'sort=memory',
  )
})

test('bad values fall back to defaults', () => {
  const view = parse('class=broken,FAILED&mode=tower&sort=colour&dir=up&page=-2&size=7')
  expect(view.statusClasses).toEqual(['failed'])
  expect(view.modes).toEqual([])
  expect(view.sort).toBe('severity')
  expect(view.direction).toBe('asc')
  expect(view.page).toBe(1)
  expect(view.pageSize).toBe(50)
  expect(parse('page=2.5').page).toBe(1)
})

const vocabulary = {
  projectIds: ['p1', 'p2'],
  statuses: ['RUNNING', 'FROZEN', 'ERROR'],
  engines: ['Redis', 'Memcached'],
}
const clean = (query: string) => cleanListParams(new URLSearchParams(query), vocabulary)

test('a link naming an unwatched project, unknown status, engine or mode is cleaned', () => {
  for (const query of ['project=deadbeef', 'status=nope', 'engine=Oracle', 'mode=weird']) {
    const { view, replaceWith } = clean(`${query}&sort=name`)
    expect(view).toEqual(parse('sort=name'))
    expect(replaceWith?.toString()).toBe('sort=name')
  }
  const { view, replaceWith } = clean('class=broken,failed&project=p1,deadbeef&q=cart')
  expect(view).toMatchObject({ statusClasses: ['failed'], projectIds: ['p1'], query: 'cart' })
  expect(replaceWith?.toString()).toBe('q=cart&class=failed&project=p1')
})

test('values that simply match nothing now stay, and a clean link is left alone', () => {
  const { view, replaceWith } = clean('status=FROZEN&engine=Memcached&mode=proxy&project=p2')
  expect(view).toMatchObject({
    statuses: ['FROZEN'],
    engines: ['Memcached'],
    modes: ['proxy'],
    projectIds: ['p2'],
  })
  expect(replaceWith).toBeNull()
  expect(clean('q=%20').replaceWith).toBeNull()
  // Respelled values are written back as the dashboard spells them.
  expect(clean('engine=redis&status=frozen').replaceWith?.toString()).toBe(
    'status=FROZEN&engine=Redis',
  )
})
