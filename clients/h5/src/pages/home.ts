import { api } from '../api';
import { say } from '../prefs';
import { go, route } from '../router';
import { el, esc } from '../ui';

/** `banhao://items/CODE` and `banhao://bundles/CODE` (the home feed's links) as routes of this app. */
function linkOf(target?: string): string {
  const item = /^banhao:\/\/items\/(.+)$/.exec(target ?? '');
  return item ? `#/items/${encodeURIComponent(item[1])}` : '#/search';
}

route('/', async () => {
  const feed = await api.home.getHomeFeed();
  const node = el(`
    <div class="home">
      <form class="search-box" role="search">
        <input name="q" type="search" placeholder="${say('搜索服务，如：营业执照、社保', '想办什么事？例如：社保')}" aria-label="搜索服务">
        <button class="primary" type="submit">${say('搜索', '找')}</button>
      </form>
      <div class="banners">
        ${feed.banners.map((b) => `<a class="banner" href="${linkOf(b.targetUrl)}">${esc(b.title)}</a>`).join('')}
      </div>
      <section class="card">
        <h2>${say('热门服务', '大家都在办')}</h2>
        <ol class="list hot">
          ${feed.hotItems.map((h) => `<li><a href="#/items/${encodeURIComponent(h.code)}"><span class="rank">${h.rank}</span><span class="grow"><b>${esc(h.name)}</b><small>${esc(h.departmentName)}</small></span><span class="chev">›</span></a></li>`).join('')}
        </ol>
      </section>
      ${feed.news.length ? `<section class="card"><h2>${say('政务资讯', '新消息')}</h2><ul class="list news">${feed.news.map((n) => `<li>${esc(n.title)}</li>`).join('')}</ul></section>` : ''}
    </div>`);
  node.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = (node.querySelector('input') as HTMLInputElement).value.trim();
    go(`#/search?q=${encodeURIComponent(q)}`);
  });
  return { title: say('办好 · 政务服务', '办好'), node };
});
