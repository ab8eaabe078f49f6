import { api, stopLive } from '../api';
import { largeType, say, syncLargeType } from '../prefs';
import { go, route } from '../router';
import { el, esc, switchLargeType } from '../ui';
import { requireLogin } from './login';

const LEVELS: Record<string, [string, string]> = {
  L1: ['手机号认证', '已用手机号登录'],
  L2: ['实名认证', '已实名'],
  L3: ['人脸认证', '已刷脸认证'],
};

route('/me', async () => {
  if (!requireLogin()) return null;
  const me = await api.me.getMe();
  await syncLargeType(me); // the switch shows the account's choice
  const level = LEVELS[me.level] ?? [me.level, me.level];
  const node = el(`
    <div>
      <section class="card profile">
        <h2>${esc(me.name ?? me.nickname ?? me.phone)}</h2>
        <p class="muted">${esc(me.phone)} · ${say(level[0], level[1])}</p>
        ${me.level === 'L0' || me.level === 'L1' ? `<a class="button secondary" href="#/real-name">${say('去实名认证', '去做实名认证')}</a>` : ''}
      </section>
      <section class="card">
        <label class="check switch"><input type="checkbox" name="large" ${largeType() ? 'checked' : ''}>
          <span><b>${say('大字模式（适老化）', '大字模式')}</b><small>${say('更大的字和按钮，更直白的说明', '字更大，按钮更大，说明更好懂')}</small></span>
        </label>
      </section>
      <button type="button" class="secondary logout">${say('退出登录', '退出')}</button>
    </div>`);
  node.querySelector<HTMLInputElement>('input[name=large]')!.addEventListener('change', (event) => {
    void switchLargeType((event.target as HTMLInputElement).checked);
  });
  node.querySelector('.logout')!.addEventListener('click', async () => {
    stopLive();
    await api.signOut().catch(() => undefined);
    go('#/');
  });
  return { title: say('我的', '我的'), node };
});
