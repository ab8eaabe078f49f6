import './style.css';
import { api, onLiveEvent, startLive } from './api';
import { applyLargeType, say, largeType, syncLargeType } from './prefs';
import { currentRoute, go, type Page } from './router';
import { el, esc, problemText, stateLabel, switchLargeType, toast } from './ui';
import './pages/home';
import './pages/login';
import './pages/search';
import './pages/item';
import './pages/apply';
import './pages/applications';
import './pages/inbox';
import './pages/me';
import './pages/real-name';

const app = document.querySelector<HTMLElement>('#app')!;
let current: Page | null = null;
let rendering = 0;

const TABS = [
  { hash: '#/', icon: '⌂', usual: '首页', plain: '首页' },
  { hash: '#/search', icon: '⌕', usual: '搜索', plain: '找服务' },
  { hash: '#/applications', icon: '☰', usual: '办件', plain: '我的办件' },
  { hash: '#/inbox', icon: '✉', usual: '消息', plain: '消息' },
  { hash: '#/me', icon: '☺', usual: '我的', plain: '我的' },
];

function frame(page: Page): HTMLElement {
  const path = location.hash || '#/';
  const shell = el(`
    <div class="shell">
      <header class="bar">
        ${page.back ? `<button class="back" type="button" aria-label="返回">‹</button>` : '<span class="back-space"></span>'}
        <h1>${esc(page.title)}</h1>
        <button class="large-toggle" type="button" aria-pressed="${largeType()}">${largeType() ? '标准字' : '大字'}</button>
      </header>
      <main></main>
      <nav class="tabs">
        ${TABS.map((t) => `<a href="${t.hash}" class="${(t.hash === '#/' ? path === '#/' || path === '#' : path.startsWith(t.hash)) ? 'on' : ''}"><span aria-hidden="true">${t.icon}</span>${say(t.usual, t.plain)}</a>`).join('')}
      </nav>
    </div>`);
  shell.querySelector('main')!.append(page.node);
  shell.querySelector('.back')?.addEventListener('click', () => history.back());
  shell.querySelector('.large-toggle')!.addEventListener('click', () => void switchLargeType(!largeType()));
  return shell;
}

async function render(): Promise<void> {
  const ticket = ++rendering;
  const { match, route } = currentRoute();
  current?.cleanup?.();
  current = null;
  if (!match) {
    go('#/');
    return;
  }
  let page: Page | null;
  try {
    page = await match.render(route);
  } catch (e) {
    page = { title: say('出错了', '出错了'), back: true, node: el(`<section class="card error-page"><p>${esc(problemText(e))}</p><a class="button" href="#/">${say('返回首页', '回到首页')}</a></section>`) };
  }
  if (ticket !== rendering) {
    page?.cleanup?.();
    return; // the resident moved on while this page loaded
  }
  if (!page) return; // the page redirected
  current = page;
  document.title = `${page.title} · 办好`;
  app.replaceChildren(frame(page));
  window.scrollTo(0, 0);
}

onLiveEvent((event) => toast(`${event.itemName}：${stateLabel(event.toState)}`));

applyLargeType();
window.addEventListener('hashchange', () => void render());
if (api.signedIn) {
  startLive();
  // Chosen on another device since this one last looked: follow the account.
  void syncLargeType().then((changed) => { if (changed) void render(); }, () => undefined);
}
void render();
