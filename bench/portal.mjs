// The portal's budgets (issue 12): the bundle's gzip size (budget 400 KB) and the time until the
// first page is usable (budget 1 s on localhost): from navigation start until the gallery's
// "Choose" links are on the page, measured in headless Chromium over the DevTools protocol.
// Usage: node --experimental-websocket bench/portal.mjs <base URL of a running Paved> [loads]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';

const base = process.argv[2] || 'http://127.0.0.1:18080';
const loads = Number(process.argv[3] || 10);
const KB = 1024;

// --- the bundle, as the api jar serves it: the first page loads portal.js, the chunks it imports
// statically (esbuild's code splitting) and portal.css; pages load their heavy chunks by import()
const assets = resolve(new URL('.', import.meta.url).pathname, '../api/target/classes/static/assets');
const gz = (file) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
const size = (file) => `${(readFileSync(join(assets, file)).length / KB).toFixed(0)} KB, ${(gz(file) / KB).toFixed(0)} KB gzip`;
const staticImports = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(assets, file), 'utf8');
  for (const [, spec] of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{},\s]*from\s*)?"(\.[^"]+)"/g)) {
    staticImports(join(file, '..', spec), seen);
  }
  return seen;
};
const first = [...staticImports('portal.js'), 'portal.css'];
for (const file of first) console.log(`${file}: ${size(file)}`);
const total = first.reduce((n, f) => n + gz(f), 0);
console.log(`bundle: ${(total / KB).toFixed(0)} KB gzip (budget 400 KB)`);
const lazy = [...readFileSync(join(assets, 'portal.js'), 'utf8').matchAll(/import\("(\.[^"]+)"\)/g)].map((m) => m[1]);
for (const spec of lazy) {
  const files = [...staticImports(join('.', spec))].filter((f) => !first.includes(f));
  const kb = files.reduce((n, f) => n + gz(f), 0) / KB;
  console.log(`lazy ${spec}: ${kb.toFixed(0)} KB gzip more (${files.join(', ')})`);
}

// --- a session as alice (local mode's sample user), through the sign-in form
const signInPage = await fetch(`${base}/sign-in`);
const cookies = (signInPage.headers.getSetCookie?.() || []).map((c) => c.split(';')[0]);
const csrf = /name="_csrf" value="([^"]+)"/.exec(await signInPage.text())?.[1];
const signedIn = await fetch(`${base}/sign-in`, {
  method: 'POST',
  redirect: 'manual',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies.join('; ') },
  body: new URLSearchParams({ username: 'alice', password: 'alice', _csrf: csrf }),
});
const session = (signedIn.headers.getSetCookie?.() || []).map((c) => c.split(';')[0]).find((c) => c.startsWith('JSESSIONID='));
if (!session) throw new Error(`sign-in failed: ${signedIn.status}`);

// --- headless Chromium, driven over the DevTools protocol
const profile = mkdtempSync(join(tmpdir(), 'paved-bench-'));
const chromium = spawn(
  existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : 'chromium',
  ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
  { stdio: 'ignore' },
);
try {
  let port;
  for (let i = 0; i < 100 && !port; i++) {
    await sleep(100);
    try {
      port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
    } catch {}
  }
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const ws = new WebSocket(targets.find((t) => t.type === 'page').webSocketDebuggerUrl);
  await new Promise((ok) => ws.addEventListener('open', ok, { once: true }));
  let id = 0;
  const pending = new Map();
  ws.addEventListener('message', (e) => {
    const msg = JSON.parse(e.data);
    if (msg.id && pending.has(msg.id)) pending.get(msg.id)(msg);
  });
  const send = (method, params = {}) =>
    new Promise((ok) => {
      pending.set(++id, ok);
      ws.send(JSON.stringify({ id, method, params }));
    });
  const [name, value] = session.split('=');
  await send('Network.enable');
  await send('Page.enable');
  await send('Network.setCookie', { name, value, url: base });
  // the moment the gallery is usable, as the page's own clock reads it
  await send('Page.addScriptToEvaluateOnNewDocument', {
    source: `new MutationObserver((_, o) => { if (document.querySelector('.gallery a.button')) {
      window.__usable = performance.now(); o.disconnect(); } }).observe(document, {subtree: true, childList: true});`,
  });
  const times = [];
  // load -1 is the server's first page after its start (JIT, first queries), reported apart;
  // load 0 has an empty browser cache, the others a warm one
  for (let i = -1; i < loads; i++) {
    if (i <= 0) await send('Network.clearBrowserCache');
    await send('Page.navigate', { url: `${base}/` });
    let usable = null;
    for (let tries = 0; tries < 300 && usable == null; tries++) {
      await sleep(20);
      usable = (await send('Runtime.evaluate', { expression: 'window.__usable ?? null', returnByValue: true })).result?.result?.value;
    }
    if (usable == null) {
      const seen = await send('Runtime.evaluate', { expression: 'location.href + " " + document.body.innerText.slice(0, 200)', returnByValue: true });
      throw new Error('the gallery did not show within 6 s: ' + seen.result?.result?.value);
    }
    if (i < 0) console.log(`first page after the server's start: ${usable.toFixed(0)} ms`);
    else times.push(usable);
  }
  const warm = times.slice(1).sort((a, b) => a - b);
  const median = warm.length ? warm[Math.floor(warm.length / 2)] : times[0];
  console.log(`first page usable: ${times[0].toFixed(0)} ms cold cache, ${median.toFixed(0)} ms median of ${warm.length} warm loads, ${Math.max(...times).toFixed(0)} ms worst (budget 1000 ms)`);
  ws.close();
} finally {
  chromium.kill();
  await sleep(200);
  rmSync(profile, { recursive: true, force: true });
}
