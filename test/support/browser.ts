// A tiny cookie-keeping client over app.inject(), so tests read like a person using the site:
// open a page, fill in its form (the CSRF token is taken from the page), follow redirects.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class Browser {
  private cookies = new Map<string, string>();
  lastHtml = '';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    this.keep(res);
    if (res.headers['content-type']?.toString().startsWith('text/html')) this.lastHtml = res.body;
    return res;
  }

  /** The CSRF token of the first form on the last page fetched. */
  csrfToken(): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml);
    if (!m) throw new Error('no CSRF token on the last page');
    return m[1]!;
  }

  /** Posts a form as the browser would: urlencoded, with the page's CSRF token unless `csrf: false`. */
  async post(
    url: string,
    fields: Record<string, string>,
    opts: { csrf?: boolean | string } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams(fields);
    if (opts.csrf !== false) body.set('_csrf', typeof opts.csrf === 'string' ? opts.csrf : this.csrfToken());
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.keep(res);
    if (res.headers['content-type']?.toString().startsWith('text/html')) this.lastHtml = res.body;
    return res;
  }

  /** Opens the page of a form, then submits it. */
  async submit(
    pageUrl: string,
    action: string,
    fields: Record<string, string>,
  ): Promise<LightMyRequestResponse> {
    await this.get(pageUrl);
    return this.post(action, fields);
  }

  /** Logs in through the login page; returns the response of the login POST. */
  async login(login: string, password: string): Promise<LightMyRequestResponse> {
    return this.submit('/admin/login', '/admin/login', { login, password });
  }
}
