/**
 * Design tokens. Loaded from src/index.css with `@config`; components use the names below
 * (bg-status-failed, text-memory-warning, …), never raw colours.
 * @type {import('tailwindcss').Config}
 */
export default {
  darkMode: 'media',
  theme: {
    extend: {
      colors: {
        status: {
          failed: 'var(--color-status-failed)',
          stopped: 'var(--color-status-stopped)',
          progress: 'var(--color-status-progress)',
          healthy: 'var(--color-status-healthy)',
          unknown: 'var(--color-status-unknown)',
        },
        memory: {
          ok: 'var(--color-memory-ok)',
          warning: 'var(--color-memory-warning)',
          critical: 'var(--color-memory-critical)',
          track: 'var(--color-memory-track)',
        },
        surface: {
          DEFAULT: 'var(--color-surface)',
          raised: 'var(--color-surface-raised)',
          sunken: 'var(--color-surface-sunken)',
        },
        ink: {
          DEFAULT: 'var(--color-ink)',
          muted: 'var(--color-ink-muted)',
          faint: 'var(--color-ink-faint)',
        },
        line: 'var(--color-line)',
        accent: 'var(--color-accent)',
      },
      fontFamily: {
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', 'monospace'],
      },
    },
  },
}
