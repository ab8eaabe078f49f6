// The resident journey in a real browser: Debian's Chromium driven by playwright-core at a 390×844 phone
// viewport, against the instance BANHAO_URL (started by `npm test`) serving the built app at /h5/.
// Every page is saved as a screenshot under test-results/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import * as OTPAuth from 'otpauth';
import { chromium } from 'playwright-core';

const BASE = process.env.BANHAO_URL;
// The app as the API serves it; H5_URL points elsewhere (e.g. `vite preview`) while working on the app.
const APP = process.env.H5_URL ?? `${BASE}/h5/`;
const SHOTS = new URL('../test-results/', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const ITEM = { code: 'HN-SCJ-GTGSHSL', name: '个体工商户设立登记' }; // reviewed by the demo reviewer's department
const PHONE = `137${String(Date.now()).slice(-8)}`;

/** A well-formed 18-digit ID number (GB 11643 check digit) of nobody else on this instance. */
function idNumber() {
  const birth = new Date(Date.UTC(1960 + Math.floor(Math.random() * 40), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28)));
  const body = `430102${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

let browser;
let page;
let shot = 0;

/** What the phone shows (the fixed header and tab bar where they belong), numbered in journey order. */
async function snap(name) {
  shot += 1;
  await page.screenshot({ path: `${SHOTS}${String(shot).padStart(2, '0')}-${name}.png` });
}

/** The demo reviewer of HN-SCJ (password + TOTP, public demo secret) accepts the case, as a department would. */
async function reviewerAccepts(applicationNo) {
  const totp = new OTPAuth.TOTP({ secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' }).generate();
  const login = await fetch(`${BASE}/api/v1/staff/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'reviewer', password: 'Banhao-Demo-2026', totp }),
  });
  assert.equal(login.status, 200, await login.clone().text());
  const auth = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const current = await (await fetch(`${BASE}/api/v1/staff/applications/${applicationNo}`, { headers: auth })).json();
  const accepted = await fetch(`${BASE}/api/v1/staff/applications/${applicationNo}/accept`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json', 'If-Match': `"${current.application.version}"` },
    body: '{}',
  });
  assert.equal(accepted.status, 200, await accepted.clone().text());
}

before(async () => {
  assert.ok(BASE, 'BANHAO_URL is not set: run `npm test`');
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
});

after(async () => {
  await browser?.close();
});

test('a resident finds a service, logs in by SMS code, applies, follows the case live and reads the inbox', async () => {
  // Home and hot services
  await page.goto(APP);
  await page.locator('.hot li').first().waitFor();
  assert.ok((await page.locator('.hot li').count()) >= 1); // featured items, or what was applied for lately
  await snap('home');

  // Search and the service guide
  await page.getByRole('searchbox').fill('个体工商户');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.locator('.results').getByText(ITEM.name).waitFor();
  await snap('search');
  await page.locator('.results').getByText(ITEM.name).click();
  await page.locator('.item-name', { hasText: ITEM.name }).waitFor();
  await page.getByText('申请材料').waitFor();
  await snap('guide');

  // Apply: not logged in yet, so the SMS login first (the dev code is shown on a local instance)
  await page.getByRole('link', { name: '在线办理' }).click();
  await page.getByRole('button', { name: '获取验证码' }).waitFor();
  await page.getByLabel('手机号').fill(PHONE);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = (await page.locator('.dev-code strong').textContent()).trim();
  assert.match(code, /^\d{6}$/);
  await page.getByLabel('验证码').fill(code);
  await snap('login');
  await page.getByRole('button', { name: '登录', exact: true }).click();

  // Real-name verification from the form, so the ID card is taken from the profile (免提交) instead of uploaded
  const id = idNumber();
  await page.locator('form.apply').waitFor();
  await page.locator('.real-name-link').click();
  await page.getByLabel('姓名').fill('张三');
  await page.getByLabel('身份证号').fill(id);
  await snap('real-name');
  await page.getByRole('button', { name: '提交认证' }).click();

  // The form rendered from the item's form schema, materials, the commitment
  await page.locator('input[data-profile]:checked').waitFor();
  const form = {
    applicantName: '张三', applicantIdNumber: id, phone: PHONE,
    companyName: '好客小吃店', businessAddress: '长沙市五一大道 1 号', businessScope: '小吃服务',
  };
  for (const [field, value] of Object.entries(form)) await page.locator(`[data-field="${field}"]`).fill(value);
  const required = page.locator('input[type=file][required]');
  assert.equal(await required.count(), 1, 'the application form to upload; the ID card comes from the profile');
  await required.setInputFiles({ name: 'application-form.png', mimeType: 'image/png', buffer: PNG });
  await snap('apply-form');
  await page.locator('input[name=commitment]').check();
  await page.locator('input[name=commitment]').scrollIntoViewIfNeeded();
  await snap('apply-materials');
  await page.getByRole('button', { name: '提交申请' }).click();

  // The case with its timeline, updated live (SSE) when the department accepts it
  const detail = page.locator('.application');
  await detail.waitFor();
  assert.equal(await detail.getAttribute('data-state'), 'SUBMITTED');
  const applicationNo = (await page.locator('.summary .mono').textContent()).trim();
  await page.locator('body[data-live=open]').waitFor();
  await snap('application-submitted');
  await reviewerAccepts(applicationNo);
  await page.locator('.application[data-state=ACCEPTED]').waitFor({ timeout: 10_000 });
  assert.match(await page.locator('.summary').textContent(), /经营者居民身份证/); // supplied from the profile
  await page.locator('.timeline li').first().getByText('已受理').waitFor();
  await snap('application-accepted-live');

  // My applications and the inbox
  await page.getByRole('link', { name: '办件' }).click();
  await page.locator('.applications').getByText(ITEM.name).waitFor();
  await snap('applications');
  await page.getByRole('link', { name: '消息' }).click();
  await page.locator('.messages li').first().waitFor();
  assert.ok((await page.locator('.messages li').count()) >= 2, 'a message for the submission and one for the acceptance');
  await snap('inbox');
});

test('large-type mode: bigger type and touch targets, plain wording, kept on the resident\'s profile', async () => {
  const rootFontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  /** Flips the switch on 我的 and waits for the profile to take it (PATCH /api/v1/me, preferences.largeText). */
  async function switchTo(on) {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
    await page.locator('input[name=large]').setChecked(on);
    const response = await saved;
    assert.equal(response.status(), 200, await response.text());
    assert.equal((await response.json()).preferences.largeText, on);
  }

  await page.goto(`${APP}#/me`);
  await page.locator('input[name=large]').waitFor();
  assert.equal(await page.locator('input[name=large]').isChecked(), false, 'off until the resident turns it on');
  const usualSize = await rootFontSize();
  await switchTo(true);
  await page.locator('html.large').waitFor();
  await page.locator('.large-toggle[aria-pressed=true]').waitFor(); // the page drawn again in the mode's wording
  assert.ok((await rootFontSize()) > usualSize, `root font ${await rootFontSize()}px, was ${usualSize}px`);
  await snap('me-large');

  // Remembered by the account, not only this device: without the device's copy the app follows the profile.
  await page.evaluate(() => localStorage.removeItem('banhao.largeType'));
  await page.goto(`${APP}#/`);
  await page.reload();
  await page.locator('html.large').waitFor();
  await page.locator('.hot li').first().waitFor();
  assert.equal(await rootFontSize(), 21);
  await page.getByRole('heading', { name: '大家都在办' }).waitFor(); // plain wording
  const primary = page.locator('button.primary').first();
  assert.ok((await primary.boundingBox()).height >= 48, 'a primary button is at least 48 px high');
  for (const target of [page.locator('.tabs a').first(), page.locator('.hot a').first(), page.getByRole('button', { name: '找' })]) {
    const box = await target.boundingBox();
    assert.ok(box.height >= 60, `touch target ${box.height}px high`);
  }
  await snap('home-large');

  // The case page reads plainly too
  await page.getByRole('link', { name: '我的办件' }).click();
  await page.locator('.applications .badge').first().getByText('部门已接收，正在办理').waitFor();
  await snap('applications-large');

  // And off again, on the profile as well
  await page.getByRole('link', { name: '我的', exact: true }).click();
  await switchTo(false);
  await page.locator('html:not(.large)').waitFor();
  assert.equal(await rootFontSize(), usualSize);
});
