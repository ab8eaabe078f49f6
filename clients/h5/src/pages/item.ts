import { api } from '../api';
import { say } from '../prefs';
import { route } from '../router';
import { el, esc } from '../ui';

const DELIVERY: Record<string, string> = { ELECTRONIC: '电子证照', WINDOW_PICKUP: '窗口领取', POSTAL: '免费邮寄' };

route('/items/:code', async ({ params }) => {
  const item = await api.catalog.getCatalogItem({ code: params.code });
  const node = el(`
    <div class="guide">
      <section class="card">
        <h2 class="item-name">${esc(item.name)}</h2>
        <p class="muted">${esc(item.departmentName)}</p>
        <dl class="facts">
          <div><dt>${say('承诺时限', '多久办好')}</dt><dd>${item.promisedDays} ${say('个工作日', '个工作日内')}</dd></div>
          <div><dt>${say('办理方式', '怎么办')}</dt><dd>${item.onlineDepth === 'FULLY_ONLINE' ? say('全程网办', '手机上就能办') : say('最多跑一次', '最多跑一趟')}</dd></div>
          <div><dt>${say('收费', '要不要钱')}</dt><dd>${item.fee > 0 ? `${item.fee} 元` : say('不收费', '免费')}</dd></div>
          <div><dt>${say('结果送达', '怎么拿结果')}</dt><dd>${item.deliveryOptions.map((d) => DELIVERY[d] ?? d).join('、')}</dd></div>
        </dl>
      </section>
      <section class="card">
        <h3>${say('办理条件', '谁可以办')}</h3>
        <ul class="bullets">${item.conditions.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>
      </section>
      <section class="card">
        <h3>${say('申请材料', '要准备的材料')}</h3>
        <ul class="bullets materials">${item.materials
          .map(
            (m) => `<li>${esc(m.name)}${m.required ? '' : `<span class="tag">${say('选交', '可不交')}</span>`}${
              m.toleratedIfMissing ? `<span class="tag">${say('容缺', '可以后补')}</span>` : ''
            }${m.replaceableBy ? `<span class="tag">${say('免提交', '不用交')}</span>` : ''}${m.description ? `<small>${esc(m.description)}</small>` : ''}</li>`,
          )
          .join('')}</ul>
      </section>
      <section class="card">
        <h3>${say('办事指南', '办事说明')}</h3>
        <p class="prose">${esc(item.guide)}</p>
      </section>
      <div class="sticky-action"><a class="button primary apply" href="#/apply/${encodeURIComponent(item.code)}">${say('在线办理', '开始办理')}</a></div>
    </div>`);
  return { title: say('办事指南', '办事说明'), back: true, node };
});
