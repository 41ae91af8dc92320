/**
 * A browser without a browser, for page tests through `app.request`: keeps the cookies
 * the app sets, follows nothing by itself (tests look at each redirect), and posts
 * forms as a browser does (urlencoded), with the page's form token unless told not to.
 */
type Fetchable = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export interface Page {
  status: number;
  headers: Headers;
  html: string;
  location: string | null;
}

export class PageClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: Fetchable) {}

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', ...rest] = pair.split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  private async send(path: string, init: RequestInit = {}): Promise<Page> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await this.app.request(path, { ...init, headers });
    this.remember(res);
    return {
      status: res.status,
      headers: res.headers,
      html: await res.text(),
      location: res.headers.get('location'),
    };
  }

  get(path: string): Promise<Page> {
    return this.send(path);
  }

  /** The form token the pages carry (the double-submit cookie), fetching a page for one if needed. */
  async csrf(): Promise<string> {
    if (!this.cookies.has('csrf')) await this.get('/');
    return this.cookies.get('csrf') ?? '';
  }

  async post(
    path: string,
    fields: Record<string, string | string[]>,
    options: { csrf?: false | string } = {},
  ): Promise<Page> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    if (options.csrf !== false) body.set('_csrf', options.csrf ?? (await this.csrf()));
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  }

  /**
   * Signs in with any dev-login request (`/api/dev/login`), as the harness's API
   * helpers do (experts `e-1..e-3`): the portal's session is the same signed token.
   */
  async signInWith(request: Record<string, unknown>): Promise<void> {
    const res = await this.app.request('/api/dev/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (res.status !== 200) throw new Error(`dev login failed: ${res.status}`);
    this.cookies.set('session', ((await res.json()) as { token: string }).token);
  }

  /** Signs in as one of the tenant's demo identities. */
  async signIn(tenant: string, identity: string): Promise<void> {
    const page = await this.post(`/${tenant}/signin`, { identity });
    if (page.status !== 303 || !this.cookies.has('session')) {
      throw new Error(`sign-in as ${identity} failed: ${page.status}`);
    }
  }
}

/** The text of an HTML page without its tags, for asserting on what a person reads. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name = '', value = ''] of tag.matchAll(/\s([\w:-]+)(?:="([^"]*)")?/g))
    attributes.set(name.toLowerCase(), decode(value));
  return attributes;
}

/**
 * What a browser would post from the form with id `formId` of a page, buttons aside:
 * named inputs (checkboxes and radios only when checked), textareas, and each select's
 * selected options. Enough for the portal's server-rendered forms, not a general parser.
 */
export function formFields(html: string, formId: string): Record<string, string[]> {
  const start = html.search(new RegExp(`<form[^>]*\\sid="${formId}"`));
  if (start < 0) throw new Error(`no form #${formId} on the page`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string[]> = {};
  const add = (name: string | undefined, value: string) => {
    if (name) fields[name] = [...(fields[name] ?? []), value];
  };
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const a = attributesOf(tag);
    const type = a.get('type') ?? 'text';
    if (a.has('disabled') || type === 'file' || type === 'submit' || type === 'button') continue;
    if ((type === 'checkbox' || type === 'radio') && !a.has('checked')) continue;
    add(a.get('name'), a.get('value') ?? (type === 'checkbox' ? 'on' : ''));
  }
  for (const [, open = '', text = ''] of form.matchAll(
    /<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g,
  ))
    add(attributesOf(open).get('name'), decode(text));
  for (const [, open = '', options = ''] of form.matchAll(
    /<select\b([^>]*)>([\s\S]*?)<\/select>/g,
  )) {
    for (const [option] of options.matchAll(/<option\b[^>]*>/g)) {
      const a = attributesOf(option);
      if (a.has('selected')) add(attributesOf(open).get('name'), a.get('value') ?? '');
    }
  }
  return fields;
}
