import { api } from '../api';
import { say } from '../prefs';
import { go, route } from '../router';
import { el, esc } from '../ui';

route('/search', async ({ query }) => {
  const q = query.get('q')?.trim() ?? '';
  const page = q ? await api.catalog.listCatalogItems({ q, limit: 20 }) : null;
  const node = el(`
    <div>
      <form class="search-box" role="search">
        <input name="q" type="search" value="${esc(q)}" placeholder="${say('输入事项名称或关键词', '想办什么事？')}" aria-label="搜索服务" autofocus>
        <button class="primary" type="submit">${say('搜索', '找')}</button>
      </form>
      ${
        page === null
          ? `<p class="hint">${say('例如：营业执照、公积金、身份证', '可以输入：社保、公积金、身份证')}</p>`
          : page.items.length === 0
            ? `<p class="hint empty">${say(`没有找到与“${esc(q)}”相关的服务`, `没找到“${esc(q)}”，换个说法试试`)}</p>`
            : `<ul class="list results">${page.items
                .map(
                  (i) => `<li><a href="#/items/${encodeURIComponent(i.code)}"><span class="grow"><b>${esc(i.name)}</b><small>${esc(i.departmentName)} · ${
                    i.onlineDepth === 'FULLY_ONLINE' ? say('全程网办', '手机上就能办') : say('最多跑一次', '最多跑一趟')
                  }${i.instant ? ' · ' + say('秒批', '马上批') : ''}</small></span><span class="chev">›</span></a></li>`,
                )
                .join('')}</ul>`
      }
    </div>`);
  node.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    go(`#/search?q=${encodeURIComponent((node.querySelector('input') as HTMLInputElement).value.trim())}`);
  });
  return { title: say('搜索服务', '找服务'), node };
});
