// Bundles the portal into <out>/assets (default: the api module's target/classes/static).
// The first page loads assets/portal.js (an ES module); heavy pages (the entity graph, an API's
// definition, a scorecard's trend) are split into assets/chunks/ and loaded by dynamic import()
// when first shown, each with its library's stylesheet as an assets/*.css of its own.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve(process.argv[2] ?? '../../../target/classes/static');
rmSync(resolve(out, 'assets/chunks'), { recursive: true, force: true });
mkdirSync(resolve(out, 'assets'), { recursive: true });
await build({
  entryPoints: [
    { in: 'src/main.jsx', out: 'portal' },
    { in: 'node_modules/@xyflow/react/dist/style.css', out: 'graph' },
    { in: 'node_modules/swagger-ui-react/swagger-ui.css', out: 'swagger-ui' },
    { in: 'node_modules/uplot/dist/uPlot.min.css', out: 'uplot' },
  ],
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  sourcemap: false,
  target: ['es2020'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  outdir: resolve(out, 'assets'),
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
copyFileSync('src/index.html', resolve(out, 'index.html'));
copyFileSync('src/portal.css', resolve(out, 'assets/portal.css'));
console.log(`portal bundled into ${out}`);
