import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contract, type FunctionName } from '../../shared/contract';
import { describeContract } from '../../shared/contract/describe';
import { failure } from '../../shared/envelope';
import type { Deps } from '../app/context';
import { FUNCTIONS } from '../app/functions';
import { dispatch, httpStatusOf } from '../app/router';
import type { LocalDiskFiles } from '../adapters/files/local-disk-files';
import { renderMailbox } from './mailbox-page';

const MAX_BODY_BYTES = 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit, keep draining without storing, so the client still receives the 413.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The caller over HTTP is the bearer token the server signed; nothing in the body names who calls. */
function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined;
}

/** The public visitor's token (openweek.startVisit) travels in its own header, never in the body. */
function visitorToken(req: IncomingMessage): string | undefined {
  const header = req.headers['x-visitor-token'];
  return typeof header === 'string' && header.trim() ? header.trim() : undefined;
}

async function handleApi(deps: Deps, fn: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!Object.prototype.hasOwnProperty.call(contract, fn)) {
    return sendJson(res, 404, failure({ code: 'NOT_FOUND', message: `没有名为 ${fn} 的云函数` }));
  }
  const raw = await readBody(req);
  if (raw === null) return sendJson(res, 413, failure({ code: 'INVALID_INPUT', message: '请求内容过大' }));
  let event: unknown;
  try {
    event = raw ? JSON.parse(raw) : {};
  } catch {
    return sendJson(res, 400, failure({ code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON' }));
  }
  const name = fn as FunctionName;
  const envelope = await dispatch(deps, name, FUNCTIONS[name] as never, event, { token: bearer(req), visitorToken: visitorToken(req) });
  sendJson(res, httpStatusOf(envelope), envelope);
}

function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    return send(res, 503, '<p>H5 客户端尚未构建：请运行 <code>npm run build:h5</code>，或用 <code>npm start</code> 启动。</p>', TYPES['.html']);
  }
  const relative = normalize(urlPath).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  const safe = file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile();
  const target = safe ? file : index;
  res.writeHead(200, {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': target === index ? 'no-cache' : 'public, max-age=3600',
  });
  createReadStream(target).pipe(res);
}

/** An uploaded file (a summary photo); unknown or unsafe keys are 404. */
function serveFile(files: LocalDiskFiles, key: string, res: ServerResponse): void {
  const file = files.pathOf(key);
  if (!file || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'Not Found', 'text/plain');
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': 'public, max-age=86400',
  });
  createReadStream(file).pipe(res);
}

export interface HostOptions {
  h5Dir: string;
  /** Show the developer mailbox at /dev/mailbox (only when mail is not really sent). */
  mailboxPage: boolean;
  /** Uploaded files, served read-only at /files/<key>. */
  files?: LocalDiskFiles;
}

/** One Node process serving every cloud function at /api/<function>, the contract at /api, and the H5 client. */
export function hostHandler(deps: Deps, options: HostOptions): RequestListener {
  return (req, res) => {
    const work = async () => {
      let path: string;
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      } catch {
        return send(res, 400, 'Bad Request: malformed path', 'text/plain');
      }
      if (path === '/api' && req.method === 'GET') return sendJson(res, 200, describeContract());
      const api = /^\/api\/([A-Za-z]+)$/.exec(path);
      if (api) {
        if (req.method !== 'POST') return sendJson(res, 405, failure({ code: 'UNKNOWN_ACTION', message: '请使用 POST' }));
        return handleApi(deps, api[1], req, res);
      }
      if (path === '/healthz') return sendJson(res, 200, { ok: true });
      if (path === '/dev/mailbox' && options.mailboxPage) return send(res, 200, await renderMailbox(deps.store), TYPES['.html']);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', 'text/plain');
      if (path.startsWith('/files/') && options.files) return serveFile(options.files, path.slice('/files/'.length), res);
      return serveStatic(options.h5Dir, path, res);
    };
    work().catch((error) => {
      console.error('[host] request failed', error);
      if (!res.headersSent) sendJson(res, 500, failure({ code: 'INTERNAL', message: '系统繁忙，请稍后重试' }));
    });
  };
}
