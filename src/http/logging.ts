// Structured logs (pino) that never contain passwords, tokens, cookies or ID numbers.
import type { FastifyLoggerOptions } from 'fastify';
import type { Config } from '../config.js';

/** 18-digit resident ID numbers (last char may be X) and 11-digit mobile numbers. */
const PERSONAL = /\b\d{17}[\dXx]\b|\b1[3-9]\d{9}\b/g;

export function scrubPersonal(text: string): string {
  return text.replace(PERSONAL, '[redacted]');
}

export function loggerOptions(config: Config): (FastifyLoggerOptions & Record<string, unknown>) | false {
  if (config.LOG_LEVEL === 'silent') return false;
  return {
    level: config.LOG_LEVEL,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*._csrf',
      ],
      censor: '[redacted]',
    },
    serializers: {
      // The query string may carry personal data (search terms, ID numbers): log the path only.
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        method: req.method,
        path: scrubPersonal(req.url.split('?')[0] ?? ''),
        id: req.id,
      }),
    },
  };
}
