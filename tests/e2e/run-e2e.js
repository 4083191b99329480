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

/* Graded questions in a course folder's pages. */
function countQuestions(dir) {
  let count = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) count += countQuestions(file);
    else if (entry.name.endsWith('.md')) count += (fs.readFileSync(file, 'utf8').match(/^```question$/gm) || []).length;
  }
  return count;
}

/* Three modules of 8 pages with @questions graded questions between
 * them; the last question has 40 answers, past the 31 a bit mask held.
 */
function largeCourse(questions) {
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
      const page = m * 8 + p - 1;
      const perPage = Math.floor(questions * (page + 1) / 24) - Math.floor(questions * page / 24);
      for (let q = 0; q < perPage; q++) {
        question++;
        const test = m === 0 && q === 0 ? 'pre' : 'post';
        const answers = question === questions
          ? Array.from({ length: 40 }, (_, n) => `- [${n === 35 ? 'x' : ' '}] Antwoord ${n + 1}`).join('\n')
          : '- [x] Goed antwoord\n- [ ] Fout antwoord\n- [ ] Ook fout';
        text += `\n\`\`\`question\nid: vraag-${question}\ntest: ${test}\nquestion: Vraag ${question}?\n` +
                `${answers}\n\`\`\`\n`;
      }
      fs.writeFileSync(path.join(target, id, file), text);
    }
    fs.writeFileSync(path.join(target, id, 'module.json'),
                     JSON.stringify({ title: `Module ${m + 1}`, pages }));
  });
  assert.equal(question, questions, `the large course has ${questions} questions`);
  return target;
}

function exportPackage(course, format, name, scope = ['--course']) {
  const zip = path.join(work, `${name}.zip`);
  execFileSync(cli, ['export', course, '--format', format, ...scope, '-o', zip], { stdio: 'inherit' });
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
  assert.deepEqual(result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [],
                   `axe finds no violations of any impact on ${label}`);
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
        /* Also when complete: a normal exit may start an empty attempt. */
        assert.equal(exit, 'suspend', 'exit');
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
      const dialog = session.frame.locator('.helder-resume-dialog');
      assert.equal(await dialog.locator('.helder-resume-title').textContent(), 'Verder waar je was?');
      assert.equal(await session.frame.evaluate(() => document.activeElement.textContent), 'Verder',
                   'the focus is on Verder');
      await press(dialog.locator('.helder-resume'), 'Enter');
      assert.equal(await dialog.count(), 0, 'the question is gone');
      assert.equal(await (await visiblePage(session.frame)).getAttribute('data-page'), where, 'Verder shows the same page');
      assert.match(await session.frame.locator('.helder-position').textContent(), /^Pagina 3 van/);
      await leave(session);

      session = await launch(browser, version, name, resume);
      await press(session.frame.locator('.helder-resume-dialog .helder-restart'), 'Enter');
      assert.match(await session.frame.locator('.helder-position').textContent(), /^Pagina 1 van/,
                   'Opnieuw beginnen shows the first page');
      assert.equal(await session.frame.locator('.helder-contents a[data-page] .helder-seen:not([hidden])').count(), 3,
                   'and keeps the pages seen');
      await leave(session);
    });

    await test(`SCORM ${version}: a page turn without changes does not commit; pagehide does`, async () => {
      const name = `${format}-commits`;
      exportPackage(copyCourse(name, {}), format, name);
      const session = await launch(browser, version, name, null);
      const commits = () => session.page.evaluate(() => window.lmsLog.filter((c) => /Commit$/.test(c[0])).length);
      await next(session.frame);
      await next(session.frame);
      const before = await commits();
      await press(session.frame.locator('.helder-previous'), 'Enter');
      await press(session.frame.locator('.helder-next'), 'Enter');
      assert.equal(await commits(), before, 'turning to pages seen before does not commit');
      await next(session.frame);
      assert.equal(await commits(), before + 1, 'a page seen for the first time commits once');
      const { log } = await leave(session);
      const last = log.map((c) => c[0]).filter((n) => /Commit$|Finish$|Terminate$/.test(n)).slice(-2);
      assert.deepEqual(last, version === '1.2' ? ['LMSCommit', 'LMSFinish'] : ['Commit', 'Terminate']);
    });

    await test(`SCORM ${version}: a learner reopening a completed course finds progress and answers`, async () => {
      const name = `${format}-reopen`;
      exportPackage(copyCourse(name, {}), format, name);
      let session = await launch(browser, version, name, null);
      await walkAll(session, { correct: true, axe: false, blocks: false });
      const { cmi } = await leave(session);
      const resume = version === '1.2'
        ? { core: { lesson_location: cmi.core.lesson_location, lesson_status: cmi.core.lesson_status, entry: 'resume' },
            suspend_data: cmi.suspend_data }
        : { location: cmi.location, completion_status: cmi.completion_status, success_status: cmi.success_status,
            entry: 'resume', suspend_data: cmi.suspend_data };
      assert.match(statusOf(version, cmi), /passed/);
      session = await launch(browser, version, name, resume);
      await press(session.frame.locator('.helder-resume-dialog .helder-resume'), 'Enter');
      const pages = await session.frame.locator('.helder-page').count();
      assert.equal(await session.frame.locator('.helder-contents .helder-seen:not([hidden])').count(), pages,
                   'every page is marked as seen');
      assert.ok(await session.frame.evaluate(() => HelderPlayer.testResult('post') !== null), 'the post-test answers are back');
      const again = await leave(session);
      assert.match(statusOf(version, again.cmi), /passed/, 'the status stays');
    });
  }

  await test('SCORM 1.2: suspend_data at three times the sample course\'s questions stays under 4,096 characters', async () => {
    const questions = 3 * (sampleDir ? countQuestions(sampleDir) : 16);
    exportPackage(largeCourse(questions), 'scorm12', 'large');
    let session = await launch(browser, '1.2', 'large', null);
    await walkAll(session, { correct: true, axe: false, blocks: false });
    const { cmi } = await leave(session);
    console.log(`# suspend_data with ${questions} questions: ${cmi.suspend_data.length} characters: ${cmi.suspend_data}`);
    assert.ok(cmi.suspend_data.length <= 4096);
    assert.equal(cmi.core.lesson_status, 'passed');
    assert.equal(cmi.interactions.length, questions);
    assert.equal(cmi.interactions[questions - 1].student_response, '9', 'the 36th of 40 answers is recorded');

    /* Relaunched, the answer past the 31st option is still chosen. */
    session = await launch(browser, '1.2', 'large', {
      core: { lesson_location: cmi.core.lesson_location, lesson_status: 'passed', entry: 'resume' },
      suspend_data: cmi.suspend_data
    });
    await press(session.frame.locator('.helder-resume-dialog .helder-resume'), 'Enter');
    const chosen = await session.frame.evaluate(() => {
      const forms = document.querySelectorAll('form[data-helder="question"]');
      const inputs = forms[forms.length - 1].querySelectorAll('input');
      return Array.prototype.map.call(inputs, (input, i) => (input.checked ? i : -1)).filter((i) => i >= 0);
    });
    assert.deepEqual(chosen, [35]);
    await leave(session);

    /* The guard: a state too long for SCORM 1.2 gives up the answers,
     * then the pages seen, and never goes past the limit. */
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/pkg/large/scormcontent/index.html`);
    await page.locator('.helder-nav:not([hidden])').waitFor();
    const lengths = await page.evaluate(() => [HelderPlayer.serialize().length, HelderPlayer.serialize(20).length,
                                              HelderPlayer.serialize(2).length]);
    assert.ok(lengths[1] <= 20 && lengths[1] > 0 && lengths[2] === 0, `guarded lengths ${lengths}`);
    await page.close();
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

  if (sampleDir && fs.existsSync(path.join(sampleDir, 'course.json'))) {
    await test('sample course: each module on its own walks as a learner would', async () => {
      const { modules } = JSON.parse(fs.readFileSync(path.join(sampleDir, 'course.json'), 'utf8'));
      for (const id of modules) {
        exportPackage(sampleDir, 'scorm12', `sample-${id}`, ['--module', id]);
        const session = await launch(browser, '1.2', `sample-${id}`, null);
        await walkAll(session, { correct: true, axe: false, blocks: false });
        const { cmi } = await leave(session);
        assert.ok(cmi.suspend_data.length < 4096);
        assert.match(statusOf('1.2', cmi), /passed|completed/, `module ${id}`);
      }
    });
  }

  if (sampleDir && fs.existsSync(path.join(sampleDir, 'course.json'))) {
    await test('a bite-size lesson of three sample pages walks as a learner would', async () => {
      const pages = ['02-praktijk/02-vragen-van-inwoners.md', '02-praktijk/03-vertalen-en-samenvatten.md',
                     '03-ethiek/04-niet-blind-vertrouwen.md'];
      exportPackage(sampleDir, 'scorm12', 'lesson', ['--pages', pages.join(','), '--title', 'Chatbots en vertalen']);
      const session = await launch(browser, '1.2', 'lesson', null);
      assert.equal(await session.frame.locator('.helder-page').count(), 3);
      await walkAll(session, { correct: true, axe: true, blocks: false });
      const { cmi } = await leave(session);
      assert.match(statusOf('1.2', cmi), /passed|completed/);
    });
  }

  /* A course imported from Rise (the 1.2 quiz course of ../shared/fixtures)
   * exports again and is walked like any other; its missing alt texts and
   * transcripts are content findings, hence --force.
   */
  const riseFixture = path.join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'rise',
                                'scorm12-quiz-course.json');
  if (fs.existsSync(riseFixture)) {
    await test('a course imported from Rise exports as SCORM 1.2 and 2004 and walks', async () => {
      const riseZip = path.join(work, 'rise-quiz.zip');
      const imported = path.join(work, 'courses', 'rise-quiz');
      execFileSync('python3', [path.join(__dirname, '..', 'tools', 'make-rise-package.py'),
                               riseFixture, riseZip, '--generation', '3']);
      execFileSync(cli, ['import', riseZip, '-o', imported], { stdio: 'inherit' });
      for (const [version, format] of [['1.2', 'scorm12'], ['2004', 'scorm2004']]) {
        exportPackage(imported, format, `rise-${format}`, ['--course', '--force']);
        const session = await launch(browser, version, `rise-${format}`, null);
        await walkAll(session, { correct: true, axe: false, blocks: false });
        const { cmi } = await leave(session);
        assert.match(statusOf(version, cmi), /passed|completed/, version);
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

  async function openWeb(name, width, height, hash = '') {
    const dir = exportPackage(courseDir, 'web', name);
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`file://${path.join(dir, 'index.html')}${hash}`);
    await page.locator('.helder-nav:not([hidden])').waitFor();
    return { context, page, frame: page.mainFrame(), errors };
  }

  await test('a malformed #page= link opens the first page, alone, and throws nothing', async () => {
    const hashes = ['#page=%E0%A4%A', '#page=%', '#page=nope&y=12'];
    for (let i = 0; i < hashes.length; i++) {
      const { context, page, errors } = await openWeb(`web-hash-${i}`, 360, 640, hashes[i]);
      const shown = page.locator('.helder-page:not([hidden])');
      assert.equal(await shown.count(), 1, `${hashes[i]}: one page shows`);
      assert.equal(await shown.getAttribute('data-page'),
                   await page.locator('.helder-page').first().getAttribute('data-page'),
                   `${hashes[i]}: the first page shows`);
      assert.deepEqual(errors, [], `${hashes[i]}: no errors`);
      await context.close();
    }
  });

  await test('the Contents menu works with the keyboard: a drawer at 360 px, a sidebar at 1280 px', async () => {
    const session = await openWeb('web-menu', 360, 640);
    const { page } = session;
    const menu = page.locator('.helder-menu');
    assert.equal(await page.locator('.helder-contents').isVisible(), false, 'the drawer starts closed');
    assert.equal(await page.locator('#helder-contents-title').textContent(), 'Inhoud');
    await press(menu, 'Enter');
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-current')), 'page',
                 'the focus is on the current page');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const target = await page.evaluate(() => document.activeElement.dataset.page);
    await page.keyboard.press('Enter');
    assert.equal(await (await visiblePage(page.mainFrame())).getAttribute('data-page'), target, 'the chosen page shows');
    assert.equal(await page.locator('.helder-contents').isVisible(), false, 'the drawer closes');
    assert.match(await page.evaluate(() => document.activeElement.tagName), /^H[12]$/, 'the focus is on the page');
    assert.equal(await page.locator(`.helder-contents a[data-page="${target}"]`).getAttribute('aria-current'), 'page');
    const titles = await page.locator('.helder-contents-module-title').allTextContents();
    assert.deepEqual(titles, ['Basis: alle blokken', 'Toets'], 'every module is listed');
    const accent = await page.locator('.helder-contents-module').first().evaluate((li) => getComputedStyle(li).borderLeftColor);
    assert.notEqual(accent, 'rgba(0, 0, 0, 0)', 'the module colour marks the module');

    /* Escape closes and gives the focus back; Tab stays in the drawer. */
    await press(menu, 'Enter');
    const links = await page.locator('.helder-contents a').count();
    for (let i = 0; i < links + 2; i++) await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement.closest('.helder-contents') !== null), 'Tab stays in the drawer');
    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'helder-menu');
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await page.locator('.helder-contents').isVisible(), true, 'a sidebar on a wide screen');
    assert.equal(await menu.isVisible(), false, 'without a menu button');
    assert.deepEqual(session.errors, []);
    await session.context.close();
  });

  await test('the navigation stays in view without scrolling: a 1366x666 LMS frame and a 360x640 phone', async () => {
    const name = 'scorm12-frame';
    exportPackage(copyCourse(name, {}), 'scorm12', name);
    const phone = await openWeb('web-phone', 360, 640);
    const context = await browser.newContext({ viewport: { width: 1366, height: 740 } });
    const lms = await context.newPage();
    await lms.goto(`http://127.0.0.1:${server.address().port}/lms.html?version=1.2&pkg=${name}`);
    /* Moodle's content frame: 666 px high, the page around it does not scroll. */
    await lms.evaluate(() => { document.querySelector('iframe').style.height = '666px'; document.body.style.margin = '0'; });
    await lms.frameLocator('iframe').locator('.helder-nav:not([hidden])').waitFor();
    for (const [label, frame] of [['1366x666 frame', lms.frames()[1]], ['360x640', phone.page.mainFrame()]]) {
      const count = await frame.locator('.helder-page').count();
      for (let i = 0; i < count; i++) {
        const inView = await frame.evaluate(() => ['.helder-previous', '.helder-next'].every((selector) => {
          const box = document.querySelector(selector).getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
        }));
        assert.ok(inView, `Vorige and Volgende are in view on page ${i + 1} (${label})`);
        if (i + 1 < count) await next(frame);
      }
    }
    assert.ok(await lms.evaluate(() => document.querySelector('iframe').getBoundingClientRect().bottom <= window.innerHeight));
    await context.close();
    await phone.context.close();
  });

  await test('feedback gives the verdict once with an icon, partial credit, and a pre-test without grades', async () => {
    const session = await openWeb('web-feedback', 1024, 768);
    const { page } = session;
    const checkPage = await page.evaluate(() => Array.prototype.findIndex.call(
      document.querySelectorAll('.helder-page'), (section) => section.querySelector('form[data-kind="multiple"]') !== null));
    await page.evaluate((index) => HelderPlayer.show(index), checkPage);
    await press(page.locator('.helder-page:not([hidden]) [data-helder="continue"] button'), 'Enter');

    const single = page.locator('.helder-page:not([hidden]) form[data-helder="check"][data-kind="single"]');
    await press(single.locator('input').nth(1), 'Space');
    await press(single.locator('button[type="submit"]'), 'Enter');
    assert.deepEqual(await single.locator('.helder-feedback p').allTextContents(),
                     ['\u2713Goed.', 'Sinds die datum geldt de wet.'], 'the verdict once, then the explanation');
    assert.equal(await single.locator('.helder-verdict .helder-icon').getAttribute('aria-hidden'), 'true');
    const styles = await single.locator('.helder-feedback p').evaluateAll((nodes) => nodes.map((node) => getComputedStyle(node).fontWeight));
    assert.deepEqual(styles, ['700', '400'], 'only the verdict is bold');

    const multiple = page.locator('.helder-page:not([hidden]) form[data-kind="multiple"]');
    await press(multiple.locator('input').nth(0), 'Space');
    await press(multiple.locator('button[type="submit"]'), 'Enter');
    assert.deepEqual(await multiple.locator('.helder-feedback p').allTextContents(),
                     ['\u25D1Deels goed.', 'Je koos 1 van de 2 goede antwoorden.']);
    assert.deepEqual(await multiple.locator('.helder-option-feedback').allTextContents(), ['\u2713Ja.'],
                     'the chosen option\'s feedback by the option');

    /* The pre-test: how many are right, no score, no pass mark. */
    const pre = await page.evaluate(() => Array.prototype.findIndex.call(
      document.querySelectorAll('.helder-page'), (section) => section.querySelector('form[data-test="pre"]') !== null));
    await page.evaluate((index) => HelderPlayer.show(index), pre);
    await answerQuestions(page.mainFrame(), false);
    const said = (await page.locator('.helder-page:not([hidden]) .helder-feedback').allTextContents()).join(' ');
    assert.match(said, /Je hebt 0 van de 2 vragen goed\. Aan het eind van de cursus doe je de natoets\./);
    assert.doesNotMatch(said, /\bscore\b|\bslagen\b|geslaagd|cijfer/i);
    assert.deepEqual(session.errors, []);
    await session.context.close();
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
    assert.match(await page.locator('.helder-page').first().locator('h1').first().textContent(), /\(bewerkt\)$/);
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
