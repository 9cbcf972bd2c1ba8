import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;
/** CONFER_BUILD_DIR lets parallel checkouts or runs build side by side; the default is out/. */
const outputDirectory = resolve(root, process.env.CONFER_BUILD_DIR ?? 'out');

/**
 * One build for the desktop app and the web page: out/renderer is what
 * Electron serves over app:// and what `npm run web` serves over http.
 */
export default defineConfig({
  main: {
    build: {
      outDir: resolve(outputDirectory, 'main'),
      lib: { entry: resolve(root, 'electron/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: resolve(outputDirectory, 'preload'),
      // Sandboxed preloads cannot require node_modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      minify: true,
      outDir: resolve(outputDirectory, 'renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
