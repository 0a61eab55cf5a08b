import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The console builds to static files (dist/) that the gateway serves at /; in development Vite proxies the gateway's routes. */
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
    proxy: Object.fromEntries(['/graphql', '/auth', '/export', '/health'].map((path) => [path, 'http://localhost:4000'])),
  },
});
