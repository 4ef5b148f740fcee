import { expect, test } from 'vitest'
import { listViewToParams, parseListView } from './list-params'

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
