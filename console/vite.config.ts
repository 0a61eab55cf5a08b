import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The console builds to static files (dist/) that the gateway serves at /; in development (`npm run dev`) Vite serves it
 * on :5173 and proxies the gateway's routes to GATEWAY_URL (default http://localhost:4000).
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: true,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/graphql', '/auth', '/export', '/health'].map((path) => [path, process.env.GATEWAY_URL ?? 'http://localhost:4000'])),
  },
});
