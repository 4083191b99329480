// run-lighthouse.js: audits the web export of a course with Lighthouse
// (mobile emulation, simulated Slow 4G and 4x CPU throttling) in Debian's
// Chromium, next to a peer: a bare page with the same first page's text
// and no player. Prints the scores, the first paint of both and the
// gzip size of the player's own JavaScript and CSS.
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node run-lighthouse.js HELDER_CLI COURSE_DIR [--bench]
// It fails unless Accessibility is 100, Best Practices at least 95 and
// the player under 30 KB gzip; with --bench (the benchmark) also unless
// Performance is at least 95 and the first paint at most 1 s. Exit
// status 77 (skipped) without Chromium or the npm packages.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const CHROMIUM = '/usr/bin/chromium';
const SKIP = 77;
const [cli, courseDir, mode] = process.argv.slice(2);
const bench = mode === '--bench';

if (!cli || !courseDir) {
  console.error('usage: node run-lighthouse.js HELDER_CLI COURSE_DIR [--bench]');
  process.exit(2);
}
if (!fs.existsSync(CHROMIUM)) {
  console.log(`SKIP: ${CHROMIUM} is missing (apt-get install chromium)`);
  process.exit(SKIP);
}

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.webm': 'video/webm',
  '.mp4': 'video/mp4', '.mp3': 'audio/mpeg', '.vtt': 'text/vtt'
};

/* Serves @root, compressed as any web server would. */
function serve(root) {
  const server = http.createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = path.join(root, name === '/' ? 'index.html' : name);
    if (!path.resolve(file).startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404);
      response.end();
      return;
    }
    const type = types[path.extname(file)] || 'application/octet-stream';
    const data = fs.readFileSync(file);
    if (/text|javascript|svg/.test(type)) {
      response.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Cache-Control': 'max-age=3600' });
      response.end(zlib.gzipSync(data));
    } else {
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'max-age=3600' });
      response.end(data);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  let lighthouse, chromeLauncher;
  try {
    lighthouse = (await import('lighthouse')).default;
    chromeLauncher = await import('chrome-launcher');
  } catch (error) {
    console.log(`SKIP: npm packages are missing (run npm ci in tests/e2e): ${error.message}`);
    process.exit(SKIP);
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'helder-lighthouse-'));
  const zip = path.join(work, 'web.zip');
  const root = path.join(work, 'web');
  execFileSync(cli, ['export', courseDir, '--format', 'web', '--course', '-o', zip], { stdio: 'inherit' });
  execFileSync('unzip', ['-q', zip, '-d', root]);

  /* The peer: the first page's text alone, no player. */
  const index = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const firstText = (/<section class="helder-page"[^>]*>([\s\S]*?)<\/section>/.exec(index) || ['', ''])[1]
    .replace(/<(script|form|figure|video|audio)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ');
  fs.writeFileSync(path.join(root, 'peer.html'),
                   '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" ' +
                   'content="width=device-width, initial-scale=1"><title>Peer</title></head><body><main><p>' +
                   firstText.replace(/\s+/g, ' ').trim() + '</p></main></body></html>\n');

  /* The player's own script and style sheet, which the page carries inline. */
  const inline = (pattern) => Buffer.from((pattern.exec(index) || ['', ''])[1]);
  const sizes = [inline(/<script>(\/\* player\.js[\s\S]*?)<\/script>/), inline(/<style>([\s\S]*?)<\/style>/)]
    .map((data) => zlib.gzipSync(data, { level: 9 }).length);
  if (sizes[0] < 1000 || sizes[1] < 500) throw new Error('the web export does not carry the player inline');
  const gzip = sizes[0] + sizes[1];

  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}/`;
  fs.mkdirSync(path.join(work, 'profile'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    userDataDir: path.join(work, 'profile'),
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                  '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  const audit = async (url) => {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const lhr = result.lhr;
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id);
    return {
      accessibility: Math.round(100 * lhr.categories.accessibility.score),
      bestPractices: Math.round(100 * lhr.categories['best-practices'].score),
      performance: Math.round(100 * lhr.categories.performance.score),
      firstPaint: Math.round(lhr.audits['first-contentful-paint'].numericValue),
      metrics: ['largest-contentful-paint', 'speed-index', 'total-blocking-time', 'cumulative-layout-shift']
        .map((id) => `${id} ${lhr.audits[id].displayValue}`).join(', '),
      failed
    };
  };
  let player, peer;
  try {
    player = await audit(base + 'index.html');
    peer = await audit(base + 'peer.html');
  } finally {
    await chrome.kill();
    server.close();
    fs.rmSync(work, { recursive: true, force: true });
  }

  console.log(`player JS+CSS gzip: ${gzip} bytes (player.js ${sizes[0]}, player.css ${sizes[1]}); limit 30720`);
  console.log(`first contentful paint, Lighthouse mobile throttling: player ${player.firstPaint} ms, ` +
              `peer (bare page, same text) ${peer.firstPaint} ms; limit 1000 ms`);
  console.log(`Lighthouse on the web export: Accessibility ${player.accessibility}, ` +
              `Best Practices ${player.bestPractices}, Performance ${player.performance}`);
  console.log(`metrics: ${player.metrics}`);
  if (player.failed.length) console.log(`failed audits: ${player.failed.join(', ')}`);
  /* Scores that do not depend on the machine's speed fail the test; the
   * timed ones (Performance, first paint) fail only the benchmark, since
   * a busy CI machine slows them down.
   */
  const problems = [];
  if (player.accessibility !== 100) problems.push('Accessibility below 100');
  if (player.bestPractices < 95) problems.push('Best Practices below 95');
  if (gzip >= 30 * 1024) problems.push('player over 30 KB gzip');
  if (bench && player.performance < 95) problems.push('Performance below 95');
  if (bench && player.firstPaint > 1000) problems.push('first paint after 1 s');
  if (problems.length) {
    console.log(`not ok - ${problems.join('; ')}`);
    process.exit(1);
  }
  console.log('ok - within the limits');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
