/**
 * The provider's walk through Qingdao's 2024 call, over HTTP as a newcomer would do it
 * with curl: sign in, register the organization, start a product-track draft, upload
 * every required document straight to storage through its presigned form (hashed
 * first), have each verified, and submit. `pnpm demo:apply` runs it against `pnpm dev`.
 */
import { createHash } from 'node:crypto';

export const DEMO = {
  tenant: 'qingdao',
  program: 'dx-providers-2024',
  /** A valid unified social credit code of a sample organization (not README's curl one). */
  uscc: '91370212MA3C0D7X40',
  name: '青岛示例数字科技有限公司',
  region: 'laoshan',
};

const cases = [1, 2, 3].map((i) => ({
  client: `青岛某汽车零部件企业${i}`,
  industry: 'auto-parts',
  inQingdao: true,
  summary: '部署质量追溯与设备联网系统，不良率下降。',
}));

/** A product-track application that meets every rule of seed 002 §二(一) and §二(三). */
const FIELDS = {
  localTeam: '青岛本地服务团队 25 人，负责咨询诊断、实施交付和售后。',
  teamSize: 25,
  followsAssessmentStandard: true,
  cases,
  products: [{ name: '轻量化质量追溯系统', ownIp: true, process: 'quality' }],
};

type Json = Record<string, unknown>;

export class DemoError extends Error {
  override readonly name = 'DemoError';
}

/** A small PDF with the document's name in it: the magic bytes, one object, the end. */
function pdf(label: string): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.7\n1 0 obj << /Title (${label}) >> endobj\ntrailer << >>\n%%EOF\n`,
  );
}

export async function demoApply(
  baseUrl: string,
  log: (line: string) => void = console.log,
): Promise<{ applicationId: string; status: string }> {
  let token = '';
  async function call(method: string, path: string, body?: unknown): Promise<Json> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const answer = (await res.json()) as Json;
    if (!res.ok) {
      throw new DemoError(
        `${method} ${path} → ${res.status} ${answer.code ?? ''}: ${answer.detail ?? ''}`,
      );
    }
    return answer;
  }
  const api = `/api/tenants/${DEMO.tenant}`;

  token = String(
    (
      await call('POST', '/api/dev/login', {
        role: 'provider',
        tenant: DEMO.tenant,
        org: DEMO.uscc,
      })
    ).token,
  );
  log(`1. signed in as the provider of ${DEMO.uscc}`);
  await call('PUT', `${api}/orgs/${DEMO.uscc}`, { name: DEMO.name, region: DEMO.region });
  log(`2. registered ${DEMO.name} in ${DEMO.region}`);

  const program = await call('GET', `${api}/programs/${DEMO.program}`);
  const required = (
    program.documents as {
      kind: string;
      required: boolean;
      track?: string;
      label: { zh: string };
    }[]
  ).filter((d) => d.required && (!d.track || d.track === 'product'));
  const draft = await call('POST', `${api}/applications`, {
    programId: DEMO.program,
    track: 'product',
    industries: ['auto-parts'],
    fields: FIELDS,
  });
  const id = String(draft.id);
  log(`3. draft ${id} (product track, auto parts)`);

  for (const doc of required) {
    const bytes = pdf(doc.kind);
    const declared = await call('POST', `${api}/applications/${id}/documents`, {
      kind: doc.kind,
      filename: `${doc.label.zh}.pdf`,
      contentType: 'application/pdf',
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const upload = declared.upload as { url: string; fields: Record<string, string> };
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append(
      'file',
      new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }),
      `${doc.kind}.pdf`,
    );
    const stored = await fetch(upload.url, { method: 'POST', body: form });
    if (!stored.ok) throw new DemoError(`upload of ${doc.kind} → ${stored.status}`);
    await call('POST', `${api}/applications/${id}/documents/${declared.documentId}/complete`);
    log(`4. uploaded and verified: ${doc.label.zh}`);
  }

  const submitted = await call('POST', `${api}/applications/${id}/submit`);
  log(`5. submitted at ${submitted.submittedAt}: status ${submitted.status}`);
  return { applicationId: id, status: String(submitted.status) };
}
