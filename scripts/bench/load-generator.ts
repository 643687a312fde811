// A small load generator, run as a child process so it does not share the server's event loop.
// Reads { url, requests: [{ path, headers, body }], concurrency } on stdin; fires every request over
// keep-alive connections, at most `concurrency` in flight; prints { ms, statuses, answers } on stdout.
import http from 'node:http';

interface Input {
  url: string;
  requests: Array<{ path: string; headers: Record<string, string>; body: unknown }>;
  concurrency: number;
}

let input = '';
process.stdin.on('data', (c: Buffer) => (input += c.toString('utf8')));
process.stdin.on('end', async () => {
  const { url, requests, concurrency } = JSON.parse(input) as Input;
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const statuses: Record<string, number> = {};
  const answers: string[] = new Array(requests.length);
  let next = 0;
  const one = (req: Input['requests'][number]) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const body = Buffer.from(JSON.stringify(req.body));
      const r = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: req.path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': body.length, ...req.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      r.on('error', reject);
      r.end(body);
    });
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      const answer = await one(requests[i]);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      answers[i] = answer.body;
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  process.stdout.write(JSON.stringify({ ms, statuses, answers: requests.length <= 5000 ? answers : [] }));
});
