// screenshots.js: takes the player screenshots in docs/screenshots/ (the
// Contents menu, a module cover, feedback and the resume question, each
// at 360 and 1280 px wide) from the sample course's SCORM 1.2 export.
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node screenshots.js HELDER_CLI SAMPLE_COURSE_DIR OUTPUT_DIR
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { chromium } = require('playwright-core');

const [cli, sampleDir, outDir] = process.argv.slice(2);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'helder-shots-'));
const zip = path.join(work, 'sample.zip');
execFileSync(cli, ['export', sampleDir, '--format', 'scorm12', '--course', '-o', zip], { stdio: 'inherit' });
execFileSync('unzip', ['-q', zip, '-d', work]);
const url = `file://${path.join(work, 'scormcontent', 'index.html')}`;

/* A minimal SCORM 1.2 API in the page itself, holding @saved. */
function fakeLms(saved) {
  window.API = {
    LMSInitialize: () => 'true', LMSFinish: () => 'true', LMSCommit: () => 'true',
    LMSGetLastError: () => '0',
    LMSGetValue: (name) => (saved[name] || ''),
    LMSSetValue: (name, value) => { saved[name] = value; return 'true'; }
  };
}

async function shot(browser, width, name, saved, action) {
  const height = width < 600 ? 640 : 800;
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.addInitScript(fakeLms, saved);
  await page.goto(url);
  await page.locator('.helder-nav:not([hidden])').waitFor();
  await action(page);
  await page.screenshot({ path: path.join(outDir, `player-${name}-${width}.png`) });
  await context.close();
}

async function showPage(page, selector) {
  await page.evaluate((s) => {
    const pages = Array.prototype.slice.call(document.querySelectorAll('.helder-page'));
    HelderPlayer.show(pages.findIndex((section) => section.querySelector(s) !== null));
  }, selector);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  for (const width of [360, 1280]) {
    await shot(browser, width, 'cover', {}, async (page) => {
      const pages = await page.locator('.helder-page').evaluateAll((all) => all.map((s) => s.querySelector('.helder-cover') !== null));
      await page.evaluate((index) => HelderPlayer.show(index), pages.indexOf(true, 1));
      await page.evaluate(() => window.scrollTo(0, 0));
    });
    await shot(browser, width, 'menu', {}, async (page) => {
      await page.evaluate(() => { HelderPlayer.show(1); HelderPlayer.show(2); HelderPlayer.show(3); });
      if (await page.locator('.helder-menu').isVisible()) await page.locator('.helder-menu').click();
    });
    await shot(browser, width, 'feedback', {}, async (page) => {
      await showPage(page, 'form[data-helder="check"][data-kind="multiple"]');
      const form = page.locator('.helder-page:not([hidden]) form[data-kind="multiple"]').first();
      if (!(await form.isVisible())) {
        await page.locator('.helder-page:not([hidden]) [data-helder="continue"]:not([hidden]) button').first().click();
      }
      const inputs = form.locator('input');
      for (let i = 0; i < await inputs.count(); i++) {
        if ((await inputs.nth(i).getAttribute('data-correct')) === 'yes') { await inputs.nth(i).check(); break; }
      }
      await form.locator('button[type="submit"]').click();
      await form.evaluate((node) => node.scrollIntoView({ block: 'start', behavior: 'instant' }));
    });
    await shot(browser, width, 'resume', {
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.lesson_location': '02-praktijk/02-vragen-van-inwoners',
      'cmi.suspend_data': '2;ff1;;'
    }, async () => {});
  }
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
})().catch((error) => { console.error(error); process.exit(1); });
