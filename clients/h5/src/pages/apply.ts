import { ApiProblem, MaterialReferenceKindEnum, RealNameLevel, type Material, type ServiceItem } from '@banhao/sdk';
import { api } from '../api';
import { say } from '../prefs';
import { go, route } from '../router';
import { el, esc, problemText, toast } from '../ui';
import { requireLogin } from './login';

interface FieldSchema {
  type?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** One input per property of the item's form schema (JSON Schema of an object), required ones first. */
function formFields(item: ServiceItem): string {
  const schema = item.formSchema as { properties?: Record<string, FieldSchema>; required?: string[] };
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const names = [...(schema.required ?? []).filter((n) => n in properties), ...Object.keys(properties).filter((n) => !required.has(n))];
  return names
    .map((name) => {
      const field = properties[name];
      const label = `${esc(field.title ?? name)}${required.has(name) ? '<i class="req">*</i>' : ''}`;
      const common = `name="${esc(name)}" data-field="${esc(name)}" ${required.has(name) ? 'required' : ''}`;
      let input: string;
      if (field.enum) {
        input = `<select ${common}><option value="">${say('请选择', '点这里选')}</option>${field.enum.map((v) => `<option>${esc(v)}</option>`).join('')}</select>`;
      } else if (field.type === 'boolean') {
        return `<label class="check"><input type="checkbox" ${common}> ${label}</label>`;
      } else if (field.type === 'integer' || field.type === 'number') {
        input = `<input type="number" inputmode="decimal" ${common} ${field.minimum !== undefined ? `min="${field.minimum}"` : ''} ${field.maximum !== undefined ? `max="${field.maximum}"` : ''} ${field.type === 'integer' ? 'step="1"' : 'step="any"'}>`;
      } else if (field.format === 'date') {
        input = `<input type="date" ${common}>`;
      } else if ((field.maxLength ?? 0) > 200) {
        input = `<textarea rows="3" ${common} maxlength="${field.maxLength}"></textarea>`;
      } else {
        input = `<input type="text" ${common} ${field.pattern ? `pattern="${esc(field.pattern.replace(/^\^|\$$/g, ''))}"` : ''} ${field.maxLength ? `maxlength="${field.maxLength}"` : ''}>`;
      }
      return `<label>${label}${input}${field.description ? `<small>${esc(field.description)}</small>` : ''}<span class="field-error" data-error-for="${esc(name)}"></span></label>`;
    })
    .join('');
}

function formData(form: HTMLFormElement, item: ServiceItem): Record<string, unknown> {
  const properties = ((item.formSchema as { properties?: Record<string, FieldSchema> }).properties ?? {});
  const data: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(properties)) {
    const input = form.querySelector<HTMLInputElement>(`[data-field="${CSS.escape(name)}"]`);
    if (!input) continue;
    if (field.type === 'boolean') data[name] = input.checked;
    else if (input.value.trim() === '') continue;
    else if (field.type === 'integer' || field.type === 'number') data[name] = Number(input.value);
    else data[name] = input.value.trim();
  }
  return data;
}

route('/apply/:code', async ({ params }) => {
  if (!requireLogin()) return null;
  const [item, me] = await Promise.all([api.catalog.getCatalogItem({ code: params.code }), api.me.getMe()]);
  // 免提交: identity materials the real-name verification already proved are taken from the profile (L2+).
  const verified = me.level === RealNameLevel.L2 || me.level === RealNameLevel.L3;
  const fromProfile = (m: Material) => m.replaceableBy === 'RESIDENT_ID_CARD';
  const node = el(`
    <form class="apply form" novalidate>
      <section class="card">
        <h2>${esc(item.name)}</h2>
        <p class="muted">${say('带 * 的为必填项', '带红色星号的必须填')}</p>
        ${formFields(item)}
      </section>
      <section class="card">
        <h3>${say('上传材料', '拍照或选文件上传')}</h3>
        <p class="muted">${say('支持 PDF、JPG、PNG，单个不超过 5 MB', '可以传照片或 PDF 文件')}</p>
        ${item.materials
          .map(
            (m, i) => `<div class="material"><label>${esc(m.name)}${m.required && !m.toleratedIfMissing ? '<i class="req">*</i>' : ''}
              ${m.toleratedIfMissing ? `<small>${say('容缺受理：可先提交，5 个工作日内补交', '现在没有也能先提交，5 个工作日内补上')}</small>` : ''}
              <input type="file" accept="application/pdf,image/jpeg,image/png" data-material="${i}" ${m.required && !m.toleratedIfMissing && !(verified && fromProfile(m)) ? 'required' : ''} ${verified && fromProfile(m) ? 'hidden' : ''}>
              </label>
              ${
                fromProfile(m)
                  ? verified
                    ? `<label class="check"><input type="checkbox" data-profile="${i}" checked> ${say('使用实名认证信息，免于提交', '用已认证的身份信息，不用上传')}</label>`
                    : `<a class="inline-link real-name-link" href="#/real-name?next=${encodeURIComponent(location.hash)}">${say('实名认证后可免交 ›', '先做实名认证，就不用传这个 ›')}</a>`
                  : ''
              }
            </div>`,
          )
          .join('')}
      </section>
      ${
        item.commitmentAllowed
          ? `<section class="card"><label class="check commitment"><input type="checkbox" name="commitment"> ${say(
              '本人承诺所填信息和所交材料真实、有效，愿承担不实承诺的法律责任（告知承诺制）',
              '我保证填的内容和交的材料都是真的',
            )}</label></section>`
          : ''
      }
      <p class="error" role="alert"></p>
      <div class="sticky-action"><button type="submit" class="primary">${say('提交申请', '提交')}</button></div>
    </form>`) as HTMLFormElement;

  // Keys kept until the server answers: a double tap or a retry after a lost answer is still one application.
  // An answered problem (a field to fix) gets new keys, since the next attempt sends another body.
  let createKey = crypto.randomUUID();
  let submitKey = crypto.randomUUID();
  let applicationNo: string | null = null;
  const uploaded = new Set<number>();
  const error = node.querySelector<HTMLElement>('.error')!;
  const button = node.querySelector<HTMLButtonElement>('button[type=submit]')!;

  node.querySelectorAll<HTMLInputElement>('input[data-profile]').forEach((box) =>
    box.addEventListener('change', () => {
      const file = node.querySelector<HTMLInputElement>(`input[data-material="${box.dataset.profile}"]`)!;
      const material = item.materials[Number(box.dataset.profile)];
      file.hidden = box.checked;
      file.required = !box.checked && material.required && !material.toleratedIfMissing;
    }),
  );

  const showProblem = (e: unknown) => {
    error.textContent = problemText(e);
    if (!(e instanceof ApiProblem)) return;
    for (const fieldError of e.errors) {
      const name = fieldError.field.replace(/^formData\./, '');
      const slot = node.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`);
      if (slot) slot.textContent = fieldError.message;
    }
  };

  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    node.querySelectorAll<HTMLElement>('.field-error').forEach((slot) => (slot.textContent = ''));
    if (!node.reportValidity()) return;
    button.disabled = true;
    button.textContent = say('正在提交…', '正在提交，请稍等');
    try {
      if (!applicationNo) {
        const draft = await api.applications.createApplication({
          applicationCreate: { itemCode: item.code, formData: formData(node, item) },
          idempotencyKey: createKey,
        });
        applicationNo = draft.applicationNo;
      } else {
        await api.applications.updateApplicationDraft({ applicationNo, applicationUpdate: { formData: formData(node, item) } });
      }
      for (const box of node.querySelectorAll<HTMLInputElement>('input[data-profile]:checked')) {
        const index = Number(box.dataset.profile);
        if (uploaded.has(index)) continue;
        await api.applications.referenceApplicationMaterial({
          applicationNo,
          materialReference: { name: item.materials[index].name, kind: MaterialReferenceKindEnum.Profile },
        });
        uploaded.add(index);
      }
      for (const input of node.querySelectorAll<HTMLInputElement>('input[type=file]:not([hidden])')) {
        const index = Number(input.dataset.material);
        const file = input.files?.[0];
        if (!file || uploaded.has(index)) continue;
        await api.applications.uploadApplicationMaterial({ applicationNo, name: item.materials[index].name, file });
        uploaded.add(index);
      }
      const commitment = node.querySelector<HTMLInputElement>('input[name=commitment]');
      const submitted = await api.applications.submitApplication({
        applicationNo,
        idempotencyKey: submitKey,
        applicationSubmit: commitment ? { commitment: { accepted: commitment.checked } } : {},
      });
      toast(say('提交成功', '提交好了'));
      go(`#/applications/${encodeURIComponent(submitted.applicationNo)}`);
    } catch (e) {
      if (e instanceof ApiProblem) {
        createKey = crypto.randomUUID();
        submitKey = crypto.randomUUID();
      }
      showProblem(e);
      button.disabled = false;
      button.textContent = say('提交申请', '提交');
    }
  });
  return { title: say('在线申请', '填写申请'), back: true, node };
});
