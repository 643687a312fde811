import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contract, type FunctionName } from '../../shared/contract';
import { describeContract } from '../../shared/contract/describe';
import { failure } from '../../shared/envelope';
import { ERRORS } from '../../shared/errors';
import type { Deps } from '../app/context';
import { FUNCTIONS } from '../app/functions';
import { dispatch, httpStatusOf, retryAfterHeader } from '../app/router';
import type { LocalDiskFiles } from '../adapters/files/local-disk-files';
import { MAX_REQUEST_BYTES } from '../../shared/contract/limits';
import { renderMailbox } from './mailbox-page';
import { deliverLocalVerdicts } from './media-verdicts';
import { z } from 'zod';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.mp4': 'video/mp4',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * Headers on every response: no MIME sniffing, no referrer (reset links carry a token in the URL), never
 * framed, no powerful browser features. HSTS only when the public address is https: over plain http a
 * browser ignores it, and on a LAN address it would break the next visit.
 */
function securityHeaders(publicUrl: string | undefined): OutgoingHttpHeaders {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    ...(publicUrl?.startsWith('https:') ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

/** API answers and plain messages: nothing to run, nothing to load, never framed. */
const NOTHING_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** The dev mailbox page: its own inline style sheet and links out, nothing else. */
const MAILBOX_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The H5 client's policy, derived from its build: its own scripts plus index.html's inline scripts by hash
 * (Taro's viewport script); styles from itself and inline (Taro's web components inject style elements and
 * NutUI sets style attributes at run time); images from itself, data: (QR codes) and blob: (a chosen photo);
 * requests to itself and blob: (reading a chosen photo before upload). Nothing is loaded from another host:
 * the map opens Tencent Maps in a new window, which needs no allowance.
 */
function h5Policy(indexHtml: string): string {
  const hashes = [...indexHtml.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => m[1].trim())
    .map((m) => ` 'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self'${hashes.join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

type Send = (res: ServerResponse, status: number, body: string, type: string, extra?: OutgoingHttpHeaders) => void;

/** Answers whole bodies, never cached (an API answer may belong to a signed-in caller), with `base` headers. */
function sender(base: OutgoingHttpHeaders): { send: Send; sendJson: (res: ServerResponse, status: number, value: unknown, extra?: OutgoingHttpHeaders) => void } {
  const send: Send = (res, status, body, type, extra = {}) => {
    res.writeHead(status, { ...base, 'content-security-policy': NOTHING_CSP, 'content-type': type, 'cache-control': 'no-store', ...extra });
    res.end(body);
  };
  return { send, sendJson: (res, status, value, extra) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra) };
}

/**
 * While the local host opens its store (the port is already bound), every request is answered at once:
 * 503 with Retry-After, so clients retry instead of hanging until their own timeout.
 */
export const whileStarting: RequestListener = (req, res) => {
  req.resume();
  sender(securityHeaders(undefined)).sendJson(res, 503, failure({ code: 'STARTING', message: ERRORS.STARTING.message }), { 'retry-after': '1' });
};

function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit, keep draining without storing, so the client still receives the 413.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const readBody = async (req: IncomingMessage): Promise<string | null> => (await readBytes(req, MAX_REQUEST_BYTES))?.toString('utf8') ?? null;

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

/**
 * The caller's address, for rate limits: the socket's; behind `trustedProxies` proxies, the address that
 * many hops back in X-Forwarded-For (each proxy appends whom it heard from, so entries further left are
 * whatever the client claimed and are never believed).
 */
function clientAddress(req: IncomingMessage, trustedProxies: number): string | undefined {
  const header = req.headers['x-forwarded-for'];
  const forwarded = trustedProxies > 0 && typeof header === 'string' ? header.split(',').map((a) => a.trim()).filter(Boolean) : [];
  const chain = [...forwarded, req.socket.remoteAddress];
  const address = chain[Math.max(0, chain.length - 1 - trustedProxies)];
  return address?.replace(/^::ffff:/, '') || undefined;
}

async function handleApi(
  deps: Deps,
  fn: string,
  req: IncomingMessage,
  res: ServerResponse,
  sendJson: ReturnType<typeof sender>['sendJson'],
  trustedProxies: number,
): Promise<void> {
  if (!Object.prototype.hasOwnProperty.call(contract, fn)) {
    return sendJson(res, 404, failure({ code: 'NOT_FOUND', message: `没有名为 ${fn} 的云函数` }));
  }
  const raw = await readBody(req);
  if (raw === null) return sendJson(res, 413, failure({ code: 'INVALID_INPUT', message: `请求内容过大：不能超过${MAX_REQUEST_BYTES / 1024 / 1024}MB` }));
  let event: unknown;
  try {
    event = raw ? JSON.parse(raw) : {};
  } catch {
    return sendJson(res, 400, failure({ code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON' }));
  }
  const name = fn as FunctionName;
  const caller = { token: bearer(req), visitorToken: visitorToken(req), ip: clientAddress(req, trustedProxies) };
  const envelope = await dispatch(deps, name, FUNCTIONS[name] as never, event, caller);
  sendJson(res, httpStatusOf(envelope), envelope, retryAfterHeader(envelope));
}

/** The built H5 client; unknown paths get index.html (hash routing), under the policy derived from it. */
function serveStatic(root: string, urlPath: string, res: ServerResponse, base: OutgoingHttpHeaders, send: Send): void {
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    return send(res, 503, '<p>H5 客户端尚未构建：请运行 <code>npm run build:h5</code>，或用 <code>npm start</code> 启动。</p>', TYPES['.html']);
  }
  const relative = normalize(urlPath).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  const safe = file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile();
  const target = safe ? file : index;
  if (target === index) {
    // Read per request: a rebuild (dev:h5 --watch) changes the inline script, and so its hash in the policy.
    const html = readFileSync(index, 'utf8');
    res.writeHead(200, { ...base, 'content-security-policy': h5Policy(html), 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
    res.end(html);
    return;
  }
  res.writeHead(200, {
    ...base,
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'cache-control': 'public, max-age=3600',
  });
  createReadStream(target).pipe(res);
}

/** An uploaded file (a summary photo, a cover); unknown or unsafe keys are 404. Never a document that runs anything. */
/**
 * The types stored files are opened in the browser as, by the extension they are kept under: what uploads keep
 * (common/uploads.ts checks the leading bytes before it names the file), generated posters and checked videos.
 * These are inert. Anything else (HTML, SVG, a name without a known extension) could run as a page of this
 * origin, so it is only ever a download.
 */
const STORED_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
};

function serveFile(files: LocalDiskFiles, key: string, res: ServerResponse, base: OutgoingHttpHeaders, send: Send): void {
  const file = files.pathOf(key);
  if (!file || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'Not Found', 'text/plain');
  const type = STORED_TYPES[extname(file).toLowerCase()];
  res.writeHead(200, {
    ...base,
    'content-security-policy': NOTHING_CSP,
    'content-type': type ?? 'application/octet-stream',
    'content-disposition': type ? 'inline' : 'attachment',
    'cache-control': 'public, max-age=86400',
  });
  createReadStream(file).pipe(res);
}

/**
 * A file the device writes itself (a creation-log video): only at a key a function allowed it to
 * (`FileStorage.allowUpload`: a fresh name only that caller learned), once, within its size. What the bytes are is
 * checked afterwards by the function the client then calls, as on CloudBase.
 */
async function receiveFile(files: LocalDiskFiles, key: string, req: IncomingMessage, res: ServerResponse, sendJson: ReturnType<typeof sender>['sendJson']): Promise<void> {
  const maxBytes = files.takeUpload(key);
  if (maxBytes === null) return sendJson(res, 403, failure({ code: 'FORBIDDEN', message: '上传地址无效或已过期，请重新选择文件' }));
  const bytes = await readBytes(req, maxBytes);
  if (bytes === null) return sendJson(res, 413, failure({ code: 'INVALID_INPUT', message: `文件过大：不能超过${maxBytes / 1024 / 1024}MB` }));
  sendJson(res, 200, { ok: true, data: { url: await files.save(key, bytes) } });
}

export interface HostOptions {
  h5Dir: string;
  /** Show the developer mailbox at /dev/mailbox: only when mail is not really sent and the host listens on loopback. */
  mailboxPage: boolean;
  /** Uploaded files, served read-only at /files/<key>. */
  files?: LocalDiskFiles;
  /** TRUST_PROXY: proxies in front of the host whose X-Forwarded-For is believed (default none). */
  trustProxy?: number;
  /** The public base URL: HSTS is sent only when it is https. */
  publicUrl?: string;
  /** Accept POST /dev/media-verdict (the stand-in for WeChat's verdict push): only on loopback. */
  mediaVerdicts?: boolean;
}

const localVerdict = z.object({ image: z.string().regex(/^[0-9a-f]{64}$/), suggest: z.enum(['pass', 'review', 'risky']) });

/**
 * POST /dev/media-verdict `{"image":"<sha256>","suggest":"pass"|"review"|"risky"}`: what WeChat's verdict push does
 * on CloudBase, for the images the local content check held (CONTENT_HELD_IMAGES), through the same receiver.
 */
async function receiveLocalVerdict(deps: Deps, req: IncomingMessage, res: ServerResponse, sendJson: ReturnType<typeof sender>['sendJson']): Promise<void> {
  let body: unknown = null;
  try {
    body = JSON.parse((await readBody(req)) ?? '');
  } catch {
    body = null;
  }
  const parsed = localVerdict.safeParse(body);
  if (!parsed.success) return sendJson(res, 400, failure({ code: 'INVALID_INPUT', message: '请提供 image（图片的 sha256）和 suggest（pass、review 或 risky）' }));
  sendJson(res, 200, { ok: true, data: { outcomes: await deliverLocalVerdicts(deps, parsed.data.image, parsed.data.suggest) } });
}

/** One Node process serving every cloud function at /api/<function>, the contract at /api, and the H5 client. */
export function hostHandler(deps: Deps, options: HostOptions): RequestListener {
  const base = securityHeaders(options.publicUrl);
  const { send, sendJson } = sender(base);
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
        return handleApi(deps, api[1], req, res, sendJson, options.trustProxy ?? 0);
      }
      if (path === '/healthz') return sendJson(res, 200, { ok: true });
      if (path === '/dev/mailbox') {
        if (!options.mailboxPage) return send(res, 404, 'Not Found', 'text/plain');
        return send(res, 200, await renderMailbox(deps.store), TYPES['.html'], { 'content-security-policy': MAILBOX_CSP });
      }
      if (path === '/dev/media-verdict' && req.method === 'POST') {
        if (!options.mediaVerdicts) return send(res, 404, 'Not Found', 'text/plain');
        return receiveLocalVerdict(deps, req, res, sendJson);
      }
      if (path.startsWith('/files/') && req.method === 'PUT' && options.files) return receiveFile(options.files, path.slice('/files/'.length), req, res, sendJson);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', 'text/plain');
      if (path.startsWith('/files/') && options.files) return serveFile(options.files, path.slice('/files/'.length), res, base, send);
      return serveStatic(options.h5Dir, path, res, base, send);
    };
    work().catch((error) => {
      console.error('[host] request failed', error);
      if (!res.headersSent) sendJson(res, 500, failure({ code: 'INTERNAL', message: ERRORS.INTERNAL.message }));
    });
  };
}
