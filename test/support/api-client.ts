/**
 * A small client for scenario tests: signs in through `/api/dev/login`, calls the app
 * with a bearer token, and uploads files through the presigned POST the API hands out.
 */
import { createHash } from 'node:crypto';
import type { App } from '@sme/api';

export type Json = Record<string, unknown>;

export interface Answer<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  constructor(
    readonly app: App,
    readonly token?: string,
  ) {}

  static async signIn(app: App, identity: Json): Promise<ApiClient> {
    const res = await app.request('/api/dev/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(identity),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    return new ApiClient(app, ((await res.json()) as { token: string }).token);
  }

  async call<T = Json>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const res = await this.app.request(path, {
      method,
      headers: {
        ...(this.token && { authorization: `Bearer ${this.token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
  }

  get = <T = Json>(path: string) => this.call<T>('GET', path);
  post = <T = Json>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.call<T>('POST', path, body, headers);
  put = <T = Json>(path: string, body?: unknown) => this.call<T>('PUT', path, body);
  patch = <T = Json>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.call<T>('PATCH', path, body, headers);
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A small but real PDF: the magic bytes, one object and the end marker. */
export function pdfBytes(label: string): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.7\n1 0 obj << /Title (${label}) >> endobj\ntrailer << >>\n%%EOF\n`,
  );
}

/** Posts the file to the presigned form, as a browser would. */
export async function uploadToPresignedPost(
  upload: { url: string; fields: Record<string, string> },
  bytes: Uint8Array,
  contentType: string,
): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), 'upload');
  return (await fetch(upload.url, { method: 'POST', body: form })).status;
}

/** Declares, uploads and verifies one PDF document of an application. */
export async function attachPdf(
  client: ApiClient,
  tenant: string,
  appId: string,
  kind: string,
): Promise<string> {
  const bytes = pdfBytes(kind);
  const declared = await client.post<{
    documentId: string;
    upload: { url: string; fields: Record<string, string> };
  }>(`/api/tenants/${tenant}/applications/${appId}/documents`, {
    kind,
    filename: `${kind}.pdf`,
    contentType: 'application/pdf',
    size: bytes.byteLength,
    sha256: sha256(bytes),
  });
  if (declared.status !== 201)
    throw new Error(`declare ${kind}: ${declared.status} ${JSON.stringify(declared.body)}`);
  const stored = await uploadToPresignedPost(declared.body.upload, bytes, 'application/pdf');
  if (stored >= 300) throw new Error(`upload ${kind}: ${stored}`);
  const done = await client.post(
    `/api/tenants/${tenant}/applications/${appId}/documents/${declared.body.documentId}/complete`,
  );
  if (done.status !== 200)
    throw new Error(`complete ${kind}: ${done.status} ${JSON.stringify(done.body)}`);
  return declared.body.documentId;
}
