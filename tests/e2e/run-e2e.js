// run-e2e.js: exports the test course with helder-cli and walks the packages
// as a learner in headless Chromium, with scorm-again as the LMS runtime.
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node run-e2e.js HELDER_CLI COURSE_DIR [SAMPLE_COURSE_DIR]
// Exit status 77 (skipped) when Chromium or the npm packages are missing.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const assert = require('assert/strict');
const { execFileSync } = require('child_process');

const CHROMIUM = '/usr/bin/chromium';
const SKIP = 77;

function skip(reason) {
  console.log(`SKIP: ${reason}`);
  process.exit(SKIP);
}

if (!fs.existsSync(CHROMIUM)) skip(`${CHROMIUM} is missing (apt-get install chromium)`);
let chromium, axeSource, scormAgentDir;
try {
  ({ chromium } = require('playwright-core'));
  axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  scormAgentDir = path.join(path.dirname(require.resolve('scorm-again/package.json')), 'dist');
} catch (error) {
  skip(`npm packages are missing (run npm ci in tests/e2e): ${error.message}`);
}

const [cli, courseDir, sampleDir] = process.argv.slice(2);
if (!cli || !courseDir) {
  console.error('usage: node run-e2e.js HELDER_CLI COURSE_DIR');
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'helder-e2e-'));
let failures = 0;

/* ---- courses and packages ---- */

function copyCourse(name, tracking) {
  const target = path.join(work, 'courses', name);
  fs.cpSync(courseDir, target, { recursive: true });
  const file = path.join(target, 'course.json');
  const course = JSON.parse(fs.readFileSync(file, 'utf8'));
  course.tracking = Object.assign({}, course.tracking, tracking);
  fs.writeFileSync(file, JSON.stringify(course, null, 2));
  return target;
}

/* The size the issue names: 3 modules of 8 pages with 40 graded questions. */
function largeCourse() {
  const target = path.join(work, 'courses', 'large');
  const modules = ['m1', 'm2', 'm3'];
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, 'course.json'), JSON.stringify({
    format: 1, id: 'groot', title: 'Grote cursus', language: 'nl', modules,
    tracking: { completion: 'test', pass_mark: 70, reporting: 'passed-failed' }
  }));
  let question = 0;
  modules.forEach((id, m) => {
    fs.mkdirSync(path.join(target, id));
    const pages = [];
    for (let p = 1; p <= 8; p++) {
      const file = `p${p}.md`;
      pages.push(file);
      let text = `# Module ${m + 1}, pagina ${p}\n\nTekst van de pagina.\n`;
      /* Module 1 has two questions a page, module 2 one, module 3 two. */
      const perPage = m === 1 ? 1 : 2;
      for (let q = 0; q < perPage; q++) {
        question++;
        const test = m === 0 && q === 0 ? 'pre' : 'post';
        text += `\n\`\`\`question\nid: vraag-${question}\ntest: ${test}\nquestion: Vraag ${question}?\n` +
                `- [x] Goed antwoord\n- [ ] Fout antwoord\n- [ ] Ook fout\n\`\`\`\n`;
      }
      fs.writeFileSync(path.join(target, id, file), text);
    }
    fs.writeFileSync(path.join(target, id, 'module.json'),
                     JSON.stringify({ title: `Module ${m + 1}`, pages }));
  });
  assert.equal(question, 40, 'the large course has 40 questions');
  return target;
}

function exportPackage(course, format, name) {
  const zip = path.join(work, `${name}.zip`);
  execFileSync(cli, ['export', course, '--format', format, '--course', '-o', zip], { stdio: 'inherit' });
  const dir = path.join(work, 'packages', name);
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  return dir;
}

/* ---- the LMS: a frame page with scorm-again, served from localhost ---- */

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.webm': 'video/webm', '.mp3': 'audio/mpeg',
  '.vtt': 'text/vtt', '.xml': 'application/xml', '.json': 'application/json'
};

function lmsPage(version, pkg) {
  const script = version === '1.2' ? 'scorm12.min.js' : 'scorm2004.min.js';
  const create = version === '1.2'
    ? 'window.API = new Scorm12API(settings); var api = window.API;'
    : 'window.API_1484_11 = new Scorm2004API(settings); var api = window.API_1484_11;';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/scorm-again/${script}"></script>
<script>
  var settings = { autocommit: false, lmsCommitUrl: false, logLevel: 4 };
  ${create}
  window.lms = api;
  window.lmsLog = [];
  if (window.__resume) api.loadFromJSON(window.__resume, '');
  ['Initialize', 'Terminate', 'Commit', 'SetValue', 'LMSInitialize', 'LMSFinish', 'LMSCommit', 'LMSSetValue']
    .forEach(function (name) {
      api.on(name, function (element, value) { window.lmsLog.push([name, element, value]); });
    });
</script></head>
<body><main><iframe title="Cursus" src="/pkg/${pkg}/scormcontent/index.html" style="width:100%;height:90vh;border:0"></iframe></main></body></html>`;
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://localhost');
  let file = null;
  if (url.pathname === '/lms.html') {
    response.writeHead(200, { 'Content-Type': types['.html'] });
    response.end(lmsPage(url.searchParams.get('version'), url.searchParams.get('pkg')));
    return;
  }
  if (url.pathname.startsWith('/scorm-again/')) file = path.join(scormAgentDir, path.basename(url.pathname));
  if (url.pathname.startsWith('/pkg/')) file = path.join(work, 'packages', decodeURIComponent(url.pathname.slice(5)));
  if (file && !path.resolve(file).startsWith(work) && !file.startsWith(scormAgentDir)) file = null;
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    response.writeHead(url.pathname === '/favicon.ico' ? 204 : 404);
    response.end();
    return;
  }
  response.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(response);
});

/* ---- learner actions, all with the keyboard ---- */

async function press(locator, key) {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

async function visiblePage(frame) {
  return frame.locator('.helder-page:not([hidden])');
}

async function checkAxe(frame, label) {
  await frame.evaluate(axeSource);
  const result = await frame.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [],
                   `axe finds no serious or critical violations on ${label}`);
}

/* Answers every question on the visible page: correctly, or with the first wrong answer. */
async function answerQuestions(frame, correct) {
  const forms = (await visiblePage(frame)).locator('form[data-helder="question"]');
  for (let i = 0; i < await forms.count(); i++) {
    const form = forms.nth(i);
    const inputs = form.locator('input');
    let chosenWrong = false;
    for (let n = 0; n < await inputs.count(); n++) {
      const input = inputs.nth(n);
      const isCorrect = (await input.getAttribute('data-correct')) === 'yes';
      const want = correct ? isCorrect : (!isCorrect && !chosenWrong);
      if (want) {
        if (!correct) chosenWrong = true;
        await press(input, 'Space');
      }
    }
    await press(form.locator('button[type="submit"]'), 'Enter');
    await assert.doesNotReject(form.locator('.helder-feedback:not(:empty)').waitFor());
  }
}

async function answerSurveys(frame) {
  const forms = (await visiblePage(frame)).locator('form[data-helder="survey"]');
  for (let i = 0; i < await forms.count(); i++) {
    const form = forms.nth(i);
    if ((await form.getAttribute('data-kind')) === 'open') {
      await form.locator('textarea').focus();
      await frame.page().keyboard.type('Ik let beter op.');
    } else {
      await press(form.locator('input').nth(3), 'Space');
    }
    await press(form.locator('button[type="submit"]'), 'Enter');
  }
}

async function tryInteractiveBlocks(frame) {
  const page = await visiblePage(frame);
  const checks = page.locator('form[data-helder="check"]');
  for (let i = 0; i < await checks.count(); i++) {
    if (!(await checks.nth(i).isVisible())) {
      await press(page.locator('[data-helder="continue"]:not([hidden]) button').first(), 'Enter');
    }
    await press(checks.nth(i).locator('input').first(), 'Space');
    await press(checks.nth(i).locator('button[type="submit"]'), 'Enter');
    const feedback = await checks.nth(i).locator('.helder-feedback').textContent();
    assert.ok(feedback.length > 0, 'a knowledge check gives feedback');
  }
  const tabs = page.locator('[role="tab"]');
  if (await tabs.count() > 1) {
    await press(tabs.first(), 'ArrowRight');
    assert.equal(await tabs.nth(1).getAttribute('aria-selected'), 'true', 'arrow keys move between tabs');
  }
  const choices = page.locator('.helder-choice');
  if (await choices.count() > 0) {
    await press(choices.nth(1), 'Enter');
    assert.match(await page.locator('.helder-scenario .helder-feedback').textContent(), /verantwoordelijk/);
  }
}

async function next(frame) {
  const before = await (await visiblePage(frame)).getAttribute('data-page');
  await press(frame.locator('.helder-next'), 'Enter');
  const after = await (await visiblePage(frame)).getAttribute('data-page');
  assert.notEqual(after, before, 'Volgende shows the next page');
  const focused = await frame.evaluate(() => document.activeElement.tagName);
  assert.equal(focused, 'H1', 'focus moves to the new page heading');
}

/* ---- one launch ---- */

async function launch(browser, version, pkg, resume) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(error.message));
  if (resume) await page.addInitScript((data) => { window.__resume = data; }, resume);
  await page.goto(`http://127.0.0.1:${server.address().port}/lms.html?version=${version}&pkg=${pkg}`);
  const frame = page.frameLocator('iframe');
  await frame.locator('.helder-nav:not([hidden])').waitFor();
  return { context, page, frame: page.frames()[1], errors };
}

async function leave(session) {
  await session.page.evaluate(() => { document.querySelector('iframe').src = 'about:blank'; });
  await session.page.waitForFunction(() => window.lmsLog.some((c) => c[0] === 'LMSFinish' || c[0] === 'Terminate'));
  const log = await session.page.evaluate(() => window.lmsLog);
  const cmi = await session.page.evaluate(() => {
    const data = JSON.parse(JSON.stringify(window.lms.cmi));
    data.interactions = window.lms.cmi.interactions.childArray.map((i) => JSON.parse(JSON.stringify(i)));
    return data;
  });
  assert.deepEqual(session.errors, [], 'no console errors');
  await session.context.close();
  return { log, cmi };
}

function lastSet(log, element) {
  const sets = log.filter((c) => (c[0] === 'LMSSetValue' || c[0] === 'SetValue') && c[1] === element);
  return sets.length ? sets[sets.length - 1][2] : undefined;
}

function statusOf(version, cmi) {
  if (version === '1.2') return cmi.core.lesson_status;
  return `${cmi.completion_status}/${cmi.success_status}`;
}

/* Walks every page; answers the tests right or wrong. */
async function walkAll(session, { correct, axe, blocks }) {
  const { frame } = session;
  const count = await frame.locator('.helder-page').count();
  for (let i = 0; i < count; i++) {
    if (axe) await checkAxe(frame, `page ${i + 1}`);
    if (blocks) await tryInteractiveBlocks(frame);
    await answerQuestions(frame, correct);
    await answerSurveys(frame);
    if (axe) await checkAxe(frame, `page ${i + 1} after answering`);
    if (i < count - 1) await next(frame);
  }
}

const expectations = {
  /* reporting mode, completion, answers right? -> 1.2 status, 2004 completion/success */
  'passed-incomplete pages right': ['passed', 'completed/passed'],
  'completed-incomplete pages wrong': ['completed', 'completed/unknown'],
  'passed-failed test wrong': ['failed', 'incomplete/failed'],
  'completed-failed test right': ['completed', 'completed/unknown'],
  'completed-failed test wrong': ['failed', 'incomplete/failed'],
  'passed-incomplete test wrong': ['incomplete', 'incomplete/unknown']
};

async function test(name, body) {
  try {
    await body();
    console.log(`ok - ${name}`);
  } catch (error) {
    failures++;
    console.log(`not ok - ${name}\n  ${String(error.stack || error).split('\n').join('\n  ')}`);
  }
}

async function main() {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync']
    /* Playwright gives each launch a fresh, temporary --user-data-dir. */
  });

  for (const [version, format] of [['1.2', 'scorm12'], ['2004', 'scorm2004']]) {
    for (const [label, expected] of Object.entries(expectations)) {
      const [reporting, completion, answers] = label.split(' ');
      const correct = answers === 'right';
      const name = `${format}-${reporting}-${completion}-${answers}`;
      const first = label === 'passed-incomplete pages right';
      await test(`SCORM ${version}: ${label}`, async () => {
        const course = copyCourse(name, { reporting, completion });
        exportPackage(course, format, name);
        const session = await launch(browser, version, name, null);
        await walkAll(session, { correct, axe: first, blocks: first });
        const { log, cmi } = await leave(session);
        const calls = log.map((c) => c[0]);
        assert.ok(calls.includes(version === '1.2' ? 'LMSInitialize' : 'Initialize'), 'initialize is called');
        assert.ok(calls.includes(version === '1.2' ? 'LMSCommit' : 'Commit'), 'commit is called');
        assert.equal(statusOf(version, cmi), expected[version === '1.2' ? 0 : 1], 'status');
        const raw = version === '1.2' ? cmi.core.score.raw : cmi.score.raw;
        assert.equal(String(raw), correct ? '100' : '0', 'score raw');
        if (version === '2004') assert.equal(Number(cmi.score.scaled), correct ? 1 : 0, 'score scaled');
        const interactions = cmi.interactions;
        assert.equal(interactions.length, 7, 'two pre-test, three post-test and two survey interactions');
        assert.equal(interactions[0].id, 'pre-1');
        assert.equal(interactions[4].id, 'post-3');
        assert.equal(interactions[4].result, correct ? 'correct' : (version === '1.2' ? 'wrong' : 'incorrect'));
        const exit = lastSet(log, version === '1.2' ? 'cmi.core.exit' : 'cmi.exit');
        const final = /^(passed|completed)/.test(expected[version === '1.2' ? 0 : 1]);
        assert.equal(exit, final ? (version === '1.2' ? '' : 'normal') : 'suspend', 'exit');
        /* A commit follows every status change. */
        const statusElement = version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
        const index = log.findIndex((c) => c[1] === statusElement && /passed|completed|failed/.test(c[2]));
        if (index >= 0) assert.ok(log.slice(index).some((c) => c[0] === 'LMSCommit' || c[0] === 'Commit'), 'commit after status');
      });
    }

    await test(`SCORM ${version}: exit and relaunch resume at the same page`, async () => {
      const name = `${format}-resume`;
      const course = copyCourse(name, {});
      exportPackage(course, format, name);
      let session = await launch(browser, version, name, null);
      await next(session.frame);
      await next(session.frame);
      const where = await (await visiblePage(session.frame)).getAttribute('data-page');
      const { log, cmi } = await leave(session);
      assert.equal(lastSet(log, version === '1.2' ? 'cmi.core.exit' : 'cmi.exit'), 'suspend');
      const location = version === '1.2' ? cmi.core.lesson_location : cmi.location;
      assert.equal(location, where, 'the location is the page shown');
      const resume = version === '1.2'
        ? { core: { lesson_location: location, lesson_status: cmi.core.lesson_status, entry: 'resume' }, suspend_data: cmi.suspend_data }
        : { location, completion_status: cmi.completion_status, entry: 'resume', suspend_data: cmi.suspend_data };
      session = await launch(browser, version, name, resume);
      assert.equal(await (await visiblePage(session.frame)).getAttribute('data-page'), where, 'relaunch shows the same page');
      assert.match(await session.frame.locator('.helder-position').textContent(), /^Pagina 3 van/);
      await leave(session);
    });
  }

  await test('SCORM 1.2: suspend_data of 3 x 8 pages with 40 questions stays under 4,096 characters', async () => {
    exportPackage(largeCourse(), 'scorm12', 'large');
    const session = await launch(browser, '1.2', 'large', null);
    await walkAll(session, { correct: true, axe: false, blocks: false });
    const { cmi } = await leave(session);
    console.log(`# suspend_data: ${cmi.suspend_data.length} characters: ${cmi.suspend_data}`);
    assert.ok(cmi.suspend_data.length < 4096);
    assert.equal(cmi.core.lesson_status, 'passed');
    assert.equal(cmi.interactions.length, 40);
  });

  if (sampleDir && fs.existsSync(path.join(sampleDir, 'course.json'))) {
    await test('sample course: SCORM 1.2 and 2004 walk without axe violations or console errors', async () => {
      for (const [version, format] of [['1.2', 'scorm12'], ['2004', 'scorm2004']]) {
        exportPackage(sampleDir, format, `sample-${format}`);
        const session = await launch(browser, version, `sample-${format}`, null);
        await walkAll(session, { correct: true, axe: version === '1.2', blocks: false });
        const { log, cmi } = await leave(session);
        assert.ok(log.some((c) => c[0] === 'LMSCommit' || c[0] === 'Commit'));
        assert.ok(cmi.suspend_data.length < 4096);
        assert.match(statusOf(version, cmi), /passed|completed/);
      }
    });
  }

  await test('web export runs from file:// without an LMS', async () => {
    const dir = exportPackage(courseDir, 'web', 'web');
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    await page.locator('.helder-nav:not([hidden])').waitFor();
    const session = { frame: page.mainFrame(), page };
    /* axe ran on the same pages over http; from file:// its own style
     * sheet requests would be refused and reported as errors.
     */
    await walkAll(session, { correct: true, axe: false, blocks: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'no horizontal scrolling at 320 px');
    assert.deepEqual(errors, [], 'no console errors');
    await context.close();
  });

  await test("the author's preview puts an edited page in place; the other pages' answers stay", async () => {
    const dir = exportPackage(courseDir, 'web', 'web-replace');
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    await page.locator('.helder-nav:not([hidden])').waitFor();
    const frame = page.mainFrame();
    const pre = await page.evaluate(() => Array.prototype.findIndex.call(
      document.querySelectorAll('.helder-page'),
      (section) => section.querySelector('form[data-test="pre"]') !== null));
    assert.ok(pre > 0, 'a page with the pre-test');
    await page.evaluate((index) => HelderPlayer.show(index), pre);
    await answerQuestions(frame, true);
    const answered = await page.evaluate(() => HelderPlayer.testResult('pre'));
    assert.ok(answered, 'the pre-test is answered');

    /* Another page, edited: its new text shows, the answers stay. */
    const replaced = await page.evaluate(() => {
      const first = document.querySelector('.helder-page');
      return HelderPlayer.replacePage(first.dataset.page,
                                      first.outerHTML.replace('</h1>', ' (bewerkt)</h1>'));
    });
    assert.equal(replaced, true);
    assert.match(await page.locator('.helder-page').first().locator('h1').textContent(), /\(bewerkt\)$/);
    assert.deepEqual(await page.evaluate(() => HelderPlayer.testResult('pre')), answered);

    /* The page with the test itself, edited: its questions start afresh
     * and work as before. */
    await page.evaluate((index) => {
      const section = document.querySelectorAll('.helder-page')[index];
      const fresh = section.cloneNode(true);
      fresh.querySelectorAll('input').forEach((input) => { input.checked = false; });
      fresh.querySelectorAll('.helder-feedback').forEach((region) => { region.textContent = ''; });
      return HelderPlayer.replacePage(section.dataset.page, fresh.outerHTML);
    }, pre);
    assert.equal(await page.evaluate(() => HelderPlayer.testResult('pre')), null);
    await answerQuestions(frame, true);
    assert.ok(await page.evaluate(() => HelderPlayer.testResult('pre')), 'answered again');

    assert.equal(await page.evaluate(() => HelderPlayer.replacePage('bestaat/niet', '<section></section>')), false);
    assert.deepEqual(errors, [], 'no script errors');
    await context.close();
  });

  await test('keyboard alone: skip link first, every control reachable, no trap, focus on the new page', async () => {
    const dir = exportPackage(courseDir, 'web', 'web-keyboard');
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    await page.locator('.helder-nav:not([hidden])').waitFor();

    /* Tab through the whole page: the order follows the document, every
     * control of the visible page and the navigation is reached, and the
     * focus comes back round (no element keeps it).
     */
    const order = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const here = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        return (el.className || el.tagName) + ':' + (el.textContent || el.value || '').trim().slice(0, 30);
      });
      if (here !== null && order.length > 0 && here === order[0]) break;
      if (here !== null) order.push(here);
    }
    assert.ok(order.length > 2, `tabbing reaches the page's controls (${order.length})`);
    assert.match(order[0], /helder-skip/, 'the skip link comes first');
    assert.ok(order.some((label) => /helder-next/.test(label)), 'the Next button is reachable');
    const controls = await page.evaluate(() => {
      const visible = document.querySelector('.helder-page:not([hidden])');
      return visible.querySelectorAll('button:not([hidden]), input, a[href], [tabindex="0"]').length;
    });
    assert.ok(order.length >= controls, `every control of the page is reached (${order.length} of ${controls})`);

    /* Next, with the keyboard: the focus lands on the new page's heading. */
    await page.locator('.helder-next').focus();
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el.tagName + ' ' + (el.closest('.helder-page') === document.querySelector('.helder-page:not([hidden])'));
    });
    assert.match(focused, /^H[12] true$/, `focus is on the new page's heading (${focused})`);
    await context.close();
  });

  await test('200% text size: the page still reflows without horizontal scrolling', async () => {
    const dir = exportPackage(courseDir, 'web', 'web-zoom');
    const context = await browser.newContext({ viewport: { width: 640, height: 800 } });
    const page = await context.newPage();
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    await page.locator('.helder-nav:not([hidden])').waitFor();
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    const pages = await page.locator('.helder-page').count();
    for (let i = 0; i < pages; i++) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, `no horizontal scrolling at 200% text on page ${i + 1}`);
      if (i + 1 < pages) await next(page.mainFrame());
    }
    await context.close();
  });

  await browser.close();
  server.close();
  fs.rmSync(work, { recursive: true, force: true });
  if (failures > 0) {
    console.log(`${failures} e2e tests failed`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
