// The app's build with React's profiling renderer (react-dom/profiling instead of
// react-dom/client): React then times every fiber it renders (actualDuration), which the wall
// benchmark reads through the DevTools hook. Only benchmarks build this; the product build and
// vite.config.ts stay as they are.
import { mergeConfig } from 'vite'
import base from '../../vite.config.ts'

export default mergeConfig(base, {
  resolve: { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] },
})
