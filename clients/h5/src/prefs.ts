// 适老化 large-type mode: bigger type and touch targets, plain wording. Remembered on this device until the
// API keeps it as a profile preference.
const KEY = 'banhao.largeType';

export function largeType(): boolean {
  return localStorage.getItem(KEY) === '1';
}

export function setLargeType(on: boolean): void {
  localStorage.setItem(KEY, on ? '1' : '0');
  applyLargeType();
}

export function applyLargeType(): void {
  document.documentElement.classList.toggle('large', largeType());
}

/** The usual wording, or the plain one in large-type mode. */
export function say(usual: string, plain: string): string {
  return largeType() ? plain : usual;
}
