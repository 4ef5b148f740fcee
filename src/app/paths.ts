/** Every route of the app, in one place. Components build links only through these. */
export const paths = {
  overview: { pattern: '/', href: (search = '') => `/${search}` },
  instanceList: {
    pattern: '/projects/:projectId/instances',
    href: (projectId: string, search = '') =>
      `/projects/${encodeURIComponent(projectId)}/instances${search}`,
  },
  instanceDetail: {
    pattern: '/projects/:projectId/instances/:instanceId',
    href: (projectId: string, instanceId: string) =>
      `/projects/${encodeURIComponent(projectId)}/instances/${encodeURIComponent(instanceId)}`,
  },
  wall: { pattern: '/wall', href: (search = '') => `/wall${search}` },
} as const
