// Opens an interleaving page (InterleavingRenderer.RenderHtml) in headless Chromium, as a reader would,
// and prints as JSON what is on screen: the lane headers, the rows with a mark, the window, and any
// request the page made. The xunit test asserts on that; this script only reports.
//
// node check-page.mjs PAGE.html SCREENSHOT.png [CHROMIUM]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [page, screenshot, executable = '/usr/bin/chromium'] = process.argv.slice(2);
if (!page || !screenshot) {
  console.error('usage: node check-page.mjs PAGE.html SCREENSHOT.png [CHROMIUM]');
  process.exit(64);
}

const profile = mkdtempSync(join(tmpdir(), 'jc-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: executable,
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

try {
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) {
      return route.continue();
    }

    requests.push(url);
    return route.abort();
  });

  const tab = context.pages()[0] ?? await context.newPage();
  await tab.goto(pathToFileURL(resolve(page)).href, { waitUntil: 'load' });

  const seen = await tab.evaluate(() => {
    const visible = (element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const laneOf = (cell) => [...cell.parentElement.children].indexOf(cell) - 2;
    const lanes = [...document.querySelectorAll('th.lane')].map((th) => ({
      title: th.textContent.trim(),
      visible: visible(th),
      left: Math.round(th.getBoundingClientRect().left),
    }));
    const rows = [...document.querySelectorAll('table.lanes tbody tr')];
    const entries = rows.flatMap((row, index) => [...row.querySelectorAll('div.ev')].map((ev) => ({
      row: index,
      lane: laneOf(ev.parentElement),
      text: ev.textContent.trim(),
      gutter: row.querySelector('td.gutter').textContent.trim(),
      mark: [...ev.classList].find((c) => c.startsWith('m-')).slice(2),
      window: row.classList.contains('window'),
      visible: visible(ev),
      background: getComputedStyle(ev).backgroundColor,
      hover: ev.getAttribute('title'),
    })));
    return {
      title: document.title,
      heading: document.querySelector('h1')?.textContent.trim(),
      lanes,
      entries,
      windowRows: rows.filter((r) => r.classList.contains('window')).length,
      windowSummary: document.querySelector('.window-summary')?.textContent.trim() ?? null,
      backtrace: document.querySelector('pre.backtrace')?.textContent ?? null,
      // A fixed-layout table takes its column widths from the header row, so this is the gutter's width.
      gutterWidth: Math.round(document.querySelector('table.lanes tbody td.gutter').getBoundingClientRect().width),
      pageWidth: document.documentElement.scrollWidth,
      viewportWidth: window.innerWidth,
    };
  });

  await tab.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ ...seen, requests }));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
