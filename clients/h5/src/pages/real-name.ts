import { api } from '../api';
import { say } from '../prefs';
import { go, route } from '../router';
import { el, problemText, toast } from '../ui';
import { requireLogin } from './login';

route('/real-name', async ({ query }) => {
  if (!requireLogin()) return null;
  const next = query.get('next') || '#/me';
  const node = el(`
    <section class="card">
      <p class="lead">${say('实名认证后，身份证等身份材料可免于提交，部分事项可秒批。', '认证一次，以后办事不用再交身份证。')}</p>
      <form class="form real-name" novalidate>
        <label>${say('姓名', '您的姓名')}<input name="name" autocomplete="name" maxlength="50" required><span class="field-error" data-error-for="name"></span></label>
        <label>${say('身份证号', '身份证号码')}<input name="idNumber" maxlength="18" required pattern="[0-9]{17}[0-9Xx]"><span class="field-error" data-error-for="idNumber"></span></label>
        <p class="error" role="alert"></p>
        <button type="submit" class="primary">${say('提交认证', '认证')}</button>
      </form>
    </section>`);
  const form = node.querySelector('form')!;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    try {
      await api.me.verifyRealName({ realNameRequest: { name: value('name'), idNumber: value('idNumber').toUpperCase() } });
      toast(say('实名认证成功', '认证好了'));
      go(next);
    } catch (e) {
      form.querySelector<HTMLElement>('.error')!.textContent = problemText(e);
    }
  });
  return { title: say('实名认证', '实名认证'), back: true, node };
});
