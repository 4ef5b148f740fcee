import { NavLink, Outlet } from 'react-router'
import { cn } from '@/ui/cn'
import { paths } from './paths'

function navClass({ isActive }: { isActive: boolean }) {
  return cn(
    'rounded-md px-2 py-1.5 text-sm font-medium whitespace-nowrap sm:px-2.5',
    isActive ? 'bg-surface-sunken text-ink' : 'text-ink-muted hover:text-ink',
  )
}

/** The frame around every page except the wall monitor. */
export function Shell() {
  return (
    <div className="app-shell min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface-raised focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-line bg-surface-raised">
        <div className="mx-auto flex max-w-7xl items-center gap-2 px-3 py-2.5 sm:gap-4 sm:px-6">
          <NavLink
            to={paths.overview.href()}
            className="flex shrink-0 items-center gap-2 font-semibold whitespace-nowrap"
          >
            <img src="/favicon.svg" alt="" className="size-6" />
            DCS Dashboard
          </NavLink>
          <nav aria-label="Main" className="ml-auto flex gap-1">
            <NavLink to={paths.overview.href()} end className={navClass}>
              Instances
            </NavLink>
            <NavLink to={paths.wall.href()} className={navClass}>
              Wall monitor
            </NavLink>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-5 sm:px-6">
        <Outlet />
      </main>
    </div>
  )
}
