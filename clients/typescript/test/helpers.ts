import { BanhaoClient, type BanhaoClientOptions } from '../src/index.js';

export const BASE = process.env.BANHAO_URL ?? '';
if (!BASE) throw new Error('BANHAO_URL is not set: run the tests with `npm test` (it starts an instance)');

let phoneSeq = 0;
/** A phone per login: the OTP limits (one code a minute per phone) then never get in a test's way. */
export function newPhone(): string {
  phoneSeq += 1;
  return `139${String(process.pid % 10000).padStart(4, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

/** Counts the requests a client sends, by path, to see how many refreshes happened. */
export function countingFetch() {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchApi = (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return fetch(url, init);
  };
  return { calls, fetchApi, count: (path: string) => calls.filter((c) => c.url.includes(path)).length };
}

export async function residentClient(options: Partial<BanhaoClientOptions> = {}) {
  const client = new BanhaoClient({ basePath: BASE, ...options });
  const phone = newPhone();
  const otp = await client.auth.sendOtp({ otpRequest: { phone } });
  const pair = await client.auth.loginWithOtp({ otpLoginRequest: { phone, code: otp.devCode! } });
  client.signIn(pair);
  return { client, phone, pair };
}

/** The smallest valid PNG: a material the server accepts by its content. */
export const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
);

export const ITEM = 'HN-SCJ-GTGSHSL'; // 个体工商户设立登记, reviewed by the demo reviewer's department HN-SCJ
export const FORM = {
  applicantName: '张三',
  applicantIdNumber: '430102199003071234',
  phone: '13800138000',
  companyName: '好客小吃店',
  businessAddress: '长沙市五一大道 1 号',
  businessScope: '小吃服务',
};

/** A draft with its two required files uploaded, ready to submit with the commitment. */
export async function readyDraft(client: BanhaoClient) {
  const draft = await client.applications.createApplication({ applicationCreate: { itemCode: ITEM, formData: FORM } });
  const item = await client.catalog.getCatalogItem({ code: ITEM });
  for (const material of item.materials.filter((m) => m.required && !m.toleratedIfMissing)) {
    await client.applications.uploadApplicationMaterial({
      applicationNo: draft.applicationNo,
      name: material.name,
      file: new Blob([PNG], { type: 'image/png' }),
    });
  }
  return draft;
}
