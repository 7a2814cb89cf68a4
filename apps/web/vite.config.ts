/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Vendor chunks: antd + its rc-component/icon/cssinjs family is by far the
// largest dependency, so it gets its own long-cacheable chunk; React and the
// router form a second; the remaining small libraries a third.
const chunkGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
  {
    name: 'antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|stylis|dayjs|throttle-debounce|compute-scroll-into-view|scroll-into-view-if-needed|json2mq|string-convert|clsx|is-mobile|react-is)[\\/]/,
    priority: 20,
  },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

// The API server the dev/preview proxy forwards /api to (override with CUSTODIA_API_URL).
const apiTarget = process.env.CUSTODIA_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig(({ mode }) => ({
  // @vitejs/plugin-react targets Vite 8; vitest bundles its own Vite and the
  // unit tests only cover pure .ts helpers, so the plugin is skipped there.
  plugins: mode === 'test' ? [] : [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: chunkGroups },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
}));
