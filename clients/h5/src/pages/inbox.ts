import { api } from '../api';
import { say } from '../prefs';
import { route } from '../router';
import { el, esc, fmtTime } from '../ui';
import { requireLogin } from './login';

route('/inbox', async () => {
  if (!requireLogin()) return null;
  const page = await api.messages.listMyMessages({ limit: 50 });
  const node = el(`
    <div>
      ${
        page.items.length === 0
          ? `<p class="hint empty">${say('暂无消息', '还没有消息')}</p>`
          : `<ul class="list messages">${page.items
              .map(
                (m) => `<li class="${m.read ? 'read' : 'unread'}" data-id="${esc(m.id)}">
                  <a href="${m.applicationNo ? `#/applications/${encodeURIComponent(m.applicationNo)}` : '#/inbox'}">
                    <span class="grow"><b>${esc(m.title)}</b><span class="body">${esc(m.body)}</span><small>${fmtTime(m.createdAt)}</small></span>
                  </a></li>`,
              )
              .join('')}</ul>`
      }
    </div>`);
  node.querySelectorAll<HTMLElement>('li.unread').forEach((li) =>
    li.addEventListener('click', () => {
      // Read on opening; the link still goes to the application.
      void api.messages.markMessageRead({ messageId: li.dataset.id! }).catch(() => undefined);
    }),
  );
  return { title: say('消息', '消息'), node };
});
