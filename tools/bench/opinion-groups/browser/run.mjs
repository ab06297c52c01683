// node run.mjs URL: opens the bench page in Debian's Chromium (playwright-core from
// tests/browser) and prints the bench's lines until it finishes or 5 minutes pass.
import { createRequire } from 'module';
import path from 'path';
import { fileURLToPath } from 'url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../../../tests/browser/'));
const { chromium } = require('playwright-core');
const url = process.argv[2] || 'http://127.0.0.1:8765/index.html';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
let finish;
const done = new Promise((resolve) => { finish = resolve; });
page.on('console', (message) => {
  const text = message.text();
  if (text === 'DONE') finish();
  else if (!text.startsWith('Failed to load resource')) console.log(text);
  if (text.startsWith('    stability:')) finish();  // the last line the bench prints
});
await page.goto(url);
await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 300000))]);
console.log(`Chromium ${browser.version()}`);
await browser.close();
