// A small load generator, forked as a child process so it shares neither the servers' event loop nor their
// CPU accounting. Each IPC message { url, requests: [{ path, headers, body }], concurrency, seconds?, answers? }
// runs one job (it says 'ready' first): the bodies are serialized first, then requests go out over keep-alive connections with
// exactly `concurrency` in flight. With `seconds`, no request starts after that time (those in flight finish);
// without it, every request is sent. Answers { ms, sent, statuses, exhausted, answers? }.
import http from 'node:http';

export interface LoadJob {
  url: string;
  requests: Array<{ path: string; headers: Record<string, string>; body: unknown }>;
  concurrency: number;
  seconds?: number;
  /** Keep each answer's body (e.g. to collect tokens); off for timed runs. */
  answers?: boolean;
}

export interface LoadResult {
  ms: number;
  sent: number;
  statuses: Record<string, number>;
  /** Every request was sent before the time was up: the run was shorter than asked. */
  exhausted: boolean;
  answers?: string[];
}

async function runJob(job: LoadJob): Promise<LoadResult> {
  const target = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const prepared = job.requests.map((r) => ({ path: r.path, headers: r.headers, body: Buffer.from(JSON.stringify(r.body)) }));
  const statuses: Record<string, number> = {};
  const answers: string[] = [];
  let next = 0;
  const one = (req: (typeof prepared)[number]) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const r = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: req.path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': req.body.length, ...req.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: job.answers ? Buffer.concat(chunks).toString('utf8') : '' }));
        },
      );
      r.on('error', reject);
      r.end(req.body);
    });
  const started = process.hrtime.bigint();
  const deadline = job.seconds === undefined ? Infinity : Number(started) / 1e6 + job.seconds * 1000;
  const worker = async () => {
    while (next < prepared.length && Number(process.hrtime.bigint()) / 1e6 < deadline) {
      const i = next++;
      const answer = await one(prepared[i]);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      if (job.answers) answers[i] = answer.body;
    }
  };
  await Promise.all(Array.from({ length: Math.min(job.concurrency, prepared.length) }, worker));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  return { ms, sent: next, statuses, exhausted: job.seconds !== undefined && next === prepared.length, ...(job.answers ? { answers } : {}) };
}

process.on('message', (job: LoadJob) => {
  runJob(job).then(
    (result) => process.send?.(result),
    (error: Error) => process.send?.({ error: error.message }),
  );
});
process.send?.('ready');
