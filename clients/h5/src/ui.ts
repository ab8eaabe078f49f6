import { ApiProblem, ApplicationState } from '@banhao/sdk';
import { say, setLargeType } from './prefs';

/** Escapes text for the HTML the pages are written in. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function el(html: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html.trim();
  return template.content.firstElementChild as HTMLElement;
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
export function toast(message: string): void {
  let box = document.querySelector<HTMLElement>('#toast');
  if (!box) {
    box = el('<div id="toast" role="status" aria-live="polite"></div>');
    document.body.append(box);
  }
  box.textContent = message;
  box.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => box!.classList.remove('show'), 4000);
}

/** The header's 大字 button and the switch on 我的: the mode changes at once, the profile is saved behind it. */
export async function switchLargeType(on: boolean): Promise<void> {
  const saved = setLargeType(on);
  toast(on ? '已切换为大字模式' : '已切换为标准模式');
  window.dispatchEvent(new HashChangeEvent('hashchange')); // the page again, in the mode's wording
  await saved.catch(() => toast(say('大字模式未能保存到账号，下次登录时再保存', '没能存到账号，下次登录再存')));
}

/** What to tell the resident about a failed call: the server's own (localised) words. */
export function problemText(error: unknown): string {
  if (error instanceof ApiProblem) return error.detail ?? error.title;
  return say('网络异常，请稍后重试', '网络不好，请过一会儿再试');
}

const STATES: Record<ApplicationState, [string, string]> = {
  [ApplicationState.Draft]: ['草稿', '还没提交'],
  [ApplicationState.Submitted]: ['已提交', '已提交，等部门接收'],
  [ApplicationState.Accepted]: ['已受理', '部门已接收，正在办理'],
  [ApplicationState.SupplementRequired]: ['待补正', '需要补交材料'],
  [ApplicationState.Suspended]: ['特别程序', '暂停办理中'],
  [ApplicationState.Approved]: ['办结·准予', '办好了'],
  [ApplicationState.Rejected]: ['不予许可', '没有通过'],
  [ApplicationState.NotAccepted]: ['不予受理', '部门没有接收'],
  [ApplicationState.Withdrawn]: ['已撤回', '您已撤回'],
  [ApplicationState.ClosedTimeout]: ['补正超时', '补交材料超时，已关闭'],
};

export function stateLabel(state: ApplicationState | undefined): string {
  if (!state) return '';
  const [usual, plain] = STATES[state] ?? [state, state];
  return say(usual, plain);
}

export function stateBadge(state: ApplicationState | undefined): string {
  return `<span class="badge state-${esc(state)}">${esc(stateLabel(state))}</span>`;
}

const dateFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});
export const fmtDate = (d?: Date) => (d ? dateFormat.format(d) : '');
export const fmtTime = (d?: Date) => (d ? timeFormat.format(d) : '');
