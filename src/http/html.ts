// Sends a rendered page: the one place HTML answers get their type and `cache-control: no-store`.
import type { FastifyReply } from 'fastify';
import type { Renderable } from './types.js';

async function renderToString(node: Renderable): Promise<string> {
  if (node == null) return '';
  if (typeof node === 'string') return node;
  if (node instanceof Promise) return String(await node);
  return String(await node.toString());
}

export async function sendHtml(reply: FastifyReply, node: Renderable, status?: number) {
  const body = '<!doctype html>' + (await renderToString(node));
  if (status) void reply.code(status);
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}
