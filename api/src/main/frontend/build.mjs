// Bundles the portal into <out>/assets (default: the api module's target/classes/static).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve(process.argv[2] ?? '../../../target/classes/static');
mkdirSync(resolve(out, 'assets'), { recursive: true });
await build({
  entryPoints: ['src/main.jsx'],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['es2020'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  outfile: resolve(out, 'assets/portal.js'),
  logLevel: 'warning',
});
copyFileSync('src/index.html', resolve(out, 'index.html'));
copyFileSync('src/portal.css', resolve(out, 'assets/portal.css'));
console.log(`portal bundled into ${out}`);
