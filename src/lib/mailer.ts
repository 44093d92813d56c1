// Sending e-mail: one small interface (send one plain-text message), an SMTP implementation
// (nodemailer) when SMTP_URL is configured, and a null one when it is not — then messages are not
// sent and stay visible in the back office (the outbox job marks them 'held').
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** False for the null mailer: nothing can be sent. */
  readonly configured: boolean;
  /** Sends one message; rejects with the server's answer when it is refused or cannot be delivered. */
  send(message: MailMessage): Promise<void>;
  /** Closes pooled connections (none are kept today). */
  close(): void;
}

/** No mail server: every send fails, and the outbox keeps the message in the back office. */
export const nullMailer: Mailer = {
  configured: false,
  send: async () => {
    throw new Error('未配置邮件服务器');
  },
  close: () => undefined,
};

export interface SmtpOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 (TLS). */
  url: string;
  /** The From header, e.g. 「政府信息公开平台 <noreply@example.gov.cn>」. */
  from: string;
  /** Connection, greeting and socket timeouts (ms): a stalled server fails the attempt, not the job. */
  timeoutMs?: number;
}

export function smtpMailer(opts: SmtpOptions): Mailer {
  const timeout = String(opts.timeoutMs ?? 30_000);
  // The URL carries host, port, TLS and credentials (and any option as a query parameter); the
  // timeouts are ours unless the URL sets them.
  const url = new URL(opts.url);
  for (const k of ['connectionTimeout', 'greetingTimeout', 'socketTimeout'])
    if (!url.searchParams.has(k)) url.searchParams.set(k, timeout);
  const transport = nodemailer.createTransport(url.toString(), { from: opts.from });
  return {
    configured: true,
    async send(m) {
      await transport.sendMail({
        to: m.to,
        subject: m.subject,
        text: m.text,
        textEncoding: 'base64',
      });
    },
    close: () => transport.close(),
  };
}

const mailers = new Map<string, Mailer>();

/** The mailer of a configuration (one per SMTP_URL and MAIL_FROM, kept for the process). */
export function mailerFor(config: { SMTP_URL?: string; MAIL_FROM: string }): Mailer {
  if (!config.SMTP_URL) return nullMailer;
  const key = `${config.SMTP_URL}\n${config.MAIL_FROM}`;
  let m = mailers.get(key);
  if (!m) {
    m = smtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM });
    mailers.set(key, m);
  }
  return m;
}

/** An address as logs and lists may show it: zhangsan@example.com → z***n@example.com. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  const local = address.slice(0, at);
  const shown = local.length <= 2 ? `${local[0]}***` : `${local[0]}***${local[local.length - 1]}`;
  return `${shown}${address.slice(at)}`;
}

const ADDRESS = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[A-Za-z0-9-]+/g;

/** A server's error text with every e-mail address in it masked (it is stored and shown). */
export function maskAddressesIn(text: string): string {
  return text.replace(ADDRESS, (a) => maskEmail(a));
}
