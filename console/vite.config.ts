import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The console builds to static files (dist/) that the gateway serves at /; in development (`npm run dev`) Vite serves it
 * on :5173 and proxies the gateway's routes to GATEWAY_URL (`^/export/`: a regular expression, so the console's own /exports page is not sent there) (default http://localhost:4000).
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: true,
    rolldownOptions: {
      // Libraries ship React Compiler's "use no memo" and "use client" at module level; bundling drops them
      // harmlessly, and a warning per file buried what the build had to say.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // GraphiQL's editor workers (graphiql/setup-workers/vite) are `?worker` imports: Vite's worker plugin must see them,
  // which the dev server's dependency pre-bundling cannot do, so those two modules are served as they are.
  optimizeDeps: { exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'] },
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/graphql', '/auth', '^/export/', '/health'].map((path) => [path, process.env.GATEWAY_URL ?? 'http://localhost:4000'])),
  },
});
