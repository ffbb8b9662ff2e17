import type { UserConfig } from 'vite';
import type reactPlugin from '@vitejs/plugin-react';

/**
 * The React plugin's module name, held in a variable: eslint-plugin-import-x's `no-cycle` crashes when it follows
 * a literal import into the plugin (it cannot resolve `vite/internal` and then mistakes vite/dist/node for its
 * legacy "node" resolver). Vite itself loads the plugin normally.
 */
const REACT_PLUGIN = '@vitejs/plugin-react';

/** Vite config of the Kollega web UI: React, `/api` proxied to the local server in development, output in dist/. */
export default async function createConfig(): Promise<UserConfig> {
  const { default: react } = (await import(REACT_PLUGIN)) as { default: typeof reactPlugin };
  return {
    plugins: [react()],
    server: {
      proxy: {
        '/api': { target: 'http://127.0.0.1:3000' },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
    },
  };
}
