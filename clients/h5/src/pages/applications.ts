import { type Application } from '@banhao/sdk';
import { api, onLiveEvent } from '../api';
import { say } from '../prefs';
import { route } from '../router';
import { el, esc, fmtDate, fmtTime, stateBadge, stateLabel } from '../ui';
import { requireLogin } from './login';

route('/applications', async () => {
  if (!requireLogin()) return null;
  const page = await api.applications.listMyApplications({ limit: 50 });
  const node = el(`
    <div>
      ${
        page.items.length === 0
          ? `<p class="hint empty">${say('您还没有办件', '您还没有办过事')}<br><a class="button" href="#/search">${say('去找服务', '去找要办的事')}</a></p>`
          : `<ul class="list applications">${page.items
              .map(
                (a) => `<li><a href="#/applications/${encodeURIComponent(a.applicationNo)}"><span class="grow"><b>${esc(a.itemName)}</b><small>${esc(a.applicationNo)}${
                  a.dueDate ? ` · ${say('承诺', '最晚')} ${fmtDate(a.dueDate)}` : ''
                }</small></span>${stateBadge(a.state)}</a></li>`,
              )
              .join('')}</ul>`
      }
    </div>`);
  // A state change elsewhere shows here at once.
  const stop = onLiveEvent((event) => {
    const row = [...node.querySelectorAll('a')].find((a) => a.getAttribute('href')?.endsWith(encodeURIComponent(event.applicationNo)));
    const badge = row?.querySelector('.badge');
    if (badge) badge.outerHTML = stateBadge(event.toState);
  });
  return { title: say('我的办件', '我办的事'), node, cleanup: stop };
});

function detail(application: Application, timeline: Awaited<ReturnType<typeof api.applications.listApplicationEvents>>): string {
  return `
    <section class="card summary">
      <h2>${esc(application.itemName)}</h2>
      <p class="state-line">${stateBadge(application.state)}</p>
      <dl class="facts">
        <div><dt>${say('办件编号', '编号')}</dt><dd class="mono">${esc(application.applicationNo)}</dd></div>
        ${application.submittedAt ? `<div><dt>${say('提交时间', '提交时间')}</dt><dd>${fmtTime(application.submittedAt)}</dd></div>` : ''}
        ${application.dueDate ? `<div><dt>${say('承诺办结', '最晚办好')}</dt><dd>${fmtDate(application.dueDate)}${application.workingDaysLeft !== undefined ? `（${say('剩余', '还有')} ${application.workingDaysLeft} ${say('个工作日', '个工作日')}）` : ''}</dd></div>` : ''}
        <div><dt>${say('材料', '已交材料')}</dt><dd>${application.materials.map((m) => esc(m.name)).join('、') || say('无', '没有')}</dd></div>
      </dl>
    </section>
    <section class="card">
      <h3>${say('办理进度', '办到哪一步了')} <span class="live-dot" title="实时更新"></span></h3>
      <ol class="timeline">
        ${[...timeline.items]
          .reverse()
          .map(
            (e) => `<li><b>${e.toState ? esc(stateLabel(e.toState)) : esc(e.type)}</b><small>${fmtTime(e.at)} · ${esc(e.actorName)}</small>${e.note ? `<p>${esc(e.note)}</p>` : ''}</li>`,
          )
          .join('')}
      </ol>
    </section>`;
}

route('/applications/:no', async ({ params }) => {
  if (!requireLogin()) return null;
  const load = () =>
    Promise.all([
      api.applications.getApplication({ applicationNo: params.no }),
      api.applications.listApplicationEvents({ applicationNo: params.no }),
    ]);
  const [application, timeline] = await load();
  const node = el(`<div class="application" data-state="${esc(application.state)}">${detail(application, timeline)}</div>`);
  // The live timeline: each state change of this application (server-sent events) reloads it in place.
  const stop = onLiveEvent(async (event) => {
    if (event.applicationNo !== params.no) return;
    const [fresh, events] = await load();
    node.dataset.state = fresh.state;
    node.innerHTML = detail(fresh, events);
  });
  return { title: say('办件详情', '办事进度'), back: true, node, cleanup: stop };
});
