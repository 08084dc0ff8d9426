import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Cross-origin isolation, so that the engine's Worker gets SharedArrayBuffer and can block on its
 * script threads (src/host/scripts, docs/security.md). A static host must send the same two headers
 * with every response (the page, scripts, workers, the wasm).
 */
export const CROSS_ORIGIN_ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// Everything the studio needs offline is precached; the limit is raised so that Monaco and the
// bpmn-io bundles are not silently dropped (src/tools/check-precache.mjs verifies it after a build).
const MAX_PRECACHE_BYTES = 12 * 1024 * 1024;

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: 'Flowdeck',
        short_name: 'Flowdeck',
        description: 'Offline studio for BPMN processes, DMN decisions and forms',
        theme_color: '#1f2937',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '.',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
        file_handlers: [
          {
            action: './',
            accept: {
              'application/bpmn+xml': ['.bpmn'],
              'application/dmn+xml': ['.dmn'],
              'application/json': ['.form'],
            },
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,ico,wasm,ttf,eot,woff,woff2,json}'],
        maximumFileSizeToCacheInBytes: MAX_PRECACHE_BYTES,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install takes control of the open page at once, so that it works offline without a
        // reload; later versions still wait for the user (no skipWaiting: see UpdatePrompt).
        clientsClaim: true,
      },
    }),
  ],
  server: { headers: CROSS_ORIGIN_ISOLATION_HEADERS },
  preview: { headers: CROSS_ORIGIN_ISOLATION_HEADERS },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 6000,
  },
});
