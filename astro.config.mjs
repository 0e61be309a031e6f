// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeKatexStrict from './src/plugins/rehype-katex-strict.mjs';
import rehypeKatexSearchText from './src/plugins/rehype-katex-search-text.mjs';
import remarkJsxWhere from './src/plugins/remark-jsx-where.mjs';
import rehypeFocusablePre from './src/plugins/rehype-focusable-pre.mjs';
import rehypeScrollBoxes from './src/plugins/rehype-scroll-boxes.mjs';
import rehypeSpacedCells from './src/plugins/rehype-spaced-cells.mjs';
import pagefind from './src/plugins/pagefind-integration.mjs';
import { SPECS } from './components/widgets/specs.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// The theme script runs inline at the top of <body> (before first paint); Astro hashes inline
// scripts in <head> only, so its hash is added here from the very file the layout inlines.
const themeInit = readFileSync(new URL('./src/scripts/theme-init.js', import.meta.url), 'utf8');
const themeInitHash = /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(themeInit).digest('base64')}`);

export default defineConfig({
  // Tests and forks may build into another folder (e.g. the broken-formula fixture test).
  outDir: process.env.NOTEBOOK_OUT_DIR ?? './dist',
  cacheDir: process.env.NOTEBOOK_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'ignore',
  // Styles as files, never inlined: 'self' in the CSP then covers them all (no hash bookkeeping).
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  integrations: [mdx(), pagefind()],
  markdown: {
    // Prism emits classes, not inline styles, so highlighted code works under the CSP.
    syntaxHighlight: 'prism',
    processor: unified({
      remarkPlugins: [remarkMath, [remarkJsxWhere, { widgets: Object.keys(SPECS) }]],
      rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeKatexStrict, rehypeKatexSearchText, rehypeFocusablePre, rehypeScrollBoxes, rehypeSpacedCells],
    }),
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        // Code cells run the reader's module in a worker made from a blob: URL, which inherits this
        // policy (no eval, no other origins); see components/codecell/runner.ts.
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
      ],
      scriptDirective: {
        // Pagefind's search runs WebAssembly, which needs this one permission; it allows
        // compiling wasm only, not eval of JavaScript.
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [themeInitHash],
      },
      styleDirective: {
        // KaTeX positions glyphs with inline style attributes (style="height:…"). Only
        // attributes are let through; <style> elements and stylesheets stay hash/self-only.
        resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
      },
    },
  },
  vite: {
    worker: { format: 'es' },
    // Loaded lazily; listed so the dev server does not discover them mid-session and reload the page.
    optimizeDeps: {
      include: ['sucrase', 'codemirror', '@codemirror/lang-javascript', '@codemirror/language', '@codemirror/state', '@codemirror/view', '@lezer/highlight', '@observablehq/plot'],
    },
    // Fonts as files, never data: URIs, so font-src stays 'self'.
    build: { assetsInlineLimit: 0 },
  },
});
