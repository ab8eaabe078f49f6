import { api, startLive } from '../api';
import { say, syncLargeType } from '../prefs';
import { go, route } from '../router';
import { el, esc, problemText } from '../ui';

/** Where a page that needs a login sends the resident, and back again afterwards. */
export function requireLogin(): boolean {
  if (api.signedIn) return true;
  go(`#/login?next=${encodeURIComponent(location.hash || '#/')}`);
  return false;
}

route('/login', async ({ query }) => {
  const next = query.get('next') || '#/';
  const node = el(`
    <section class="card login">
      <p class="lead">${say('使用手机号和短信验证码登录，首次登录即注册。', '输入手机号，收到短信后填写验证码就能登录。')}</p>
      <form class="form" novalidate>
        <label>${say('手机号', '手机号码')}
          <input name="phone" type="tel" inputmode="numeric" autocomplete="tel" maxlength="11" placeholder="11 位手机号" required pattern="1[3-9][0-9]{9}">
        </label>
        <div class="row">
          <label class="grow">${say('验证码', '短信验证码')}
            <input name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" placeholder="6 位数字">
          </label>
          <button type="button" class="secondary send">${say('获取验证码', '发送验证码')}</button>
        </div>
        <p class="dev-code" hidden></p>
        <p class="error" role="alert"></p>
        <button type="submit" class="primary">${say('登录', '登录')}</button>
      </form>
    </section>`);
  const form = node.querySelector('form')!;
  const error = node.querySelector<HTMLElement>('.error')!;
  const send = node.querySelector<HTMLButtonElement>('.send')!;
  const phone = () => (form.elements.namedItem('phone') as HTMLInputElement).value.trim();
  let countdown: ReturnType<typeof setInterval> | undefined;

  send.addEventListener('click', async () => {
    error.textContent = '';
    if (!/^1[3-9]\d{9}$/.test(phone())) {
      error.textContent = say('请输入正确的 11 位手机号', '手机号不对，请检查');
      return;
    }
    send.disabled = true;
    try {
      const sent = await api.auth.sendOtp({ otpRequest: { phone: phone() } });
      const dev = node.querySelector<HTMLElement>('.dev-code')!;
      if (sent.devCode) {
        // Only a local instance answers the code (its SMS gateway writes to the log): shown for trying it out.
        dev.innerHTML = `本地模式验证码：<strong>${esc(sent.devCode)}</strong>`;
        dev.hidden = false;
      }
      let left = sent.resendAfterSeconds;
      countdown = setInterval(() => {
        left -= 1;
        send.textContent = left > 0 ? `${left} 秒后重发` : say('获取验证码', '发送验证码');
        if (left <= 0) {
          clearInterval(countdown);
          send.disabled = false;
        }
      }, 1000);
    } catch (e) {
      error.textContent = problemText(e);
      send.disabled = false;
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const code = (form.elements.namedItem('code') as HTMLInputElement).value.trim();
    try {
      api.signIn(await api.auth.loginWithOtp({ otpLoginRequest: { phone: phone(), code } }));
      await syncLargeType().catch(() => undefined); // the resident's large-type choice, from any device
      startLive();
      go(next);
    } catch (e) {
      error.textContent = problemText(e);
    }
  });
  return { title: say('登录', '登录'), back: true, node, cleanup: () => clearInterval(countdown) };
});
