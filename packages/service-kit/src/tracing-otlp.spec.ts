import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import path from 'node:path';

interface Received {
  path: string;
  contentType: string;
  body: string;
}

/** A collector's OTLP/HTTP endpoint in this process: what it receives. */
function collector(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received })),
  );
}

const CALLER = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const root = path.resolve(__dirname, '../../..');

interface ExportedSpan {
  name: string;
  traceId: string;
  parentSpanId?: string;
  attributes: Array<{ key: string; value: { intValue?: number | string; stringValue?: string } }>;
}

// The OTLP exporter loads its HTTP transport with a dynamic import(), which Jest's VM cannot run: the exporting side runs
// as a real process, as a service does.
describe('tracing over OTLP/HTTP (a subgraph process exporting to a collector endpoint in this test)', () => {
  it('exports each request span to <OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces with the service name, flushed on stop', async () => {
    const otlp = await collector();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../test/fixtures/otlp-subgraph.ts'), `${otlp.url}/`], {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const port = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /port (\d+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`fixture exited early with ${code}: ${output}`)));
      });
      // No assertion: refused with 401, still one server span continuing the caller's trace.
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: CALLER },
        body: JSON.stringify({ query: '{ ok }' }),
      });
      expect(response.status).toBe(401);
      const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);

      const traces = otlp.received.filter((request) => request.path === '/v1/traces');
      expect(traces.length).toBeGreaterThan(0);
      expect(traces[0]?.contentType).toMatch(/json/);
      const resourceSpans = traces.flatMap(
        (request) =>
          (JSON.parse(request.body) as { resourceSpans: Array<{ resource: { attributes: ExportedSpan['attributes'] }; scopeSpans: Array<{ spans: ExportedSpan[] }> }> })
            .resourceSpans,
      );
      expect(resourceSpans[0]?.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'otlp-fixture' } });
      const spans = resourceSpans.flatMap((entry) => entry.scopeSpans.flatMap((scope) => scope.spans));
      const server = spans.find((span) => span.name === 'POST /graphql');
      expect(server).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', parentSpanId: 'b7ad6b7169203331' });
      expect(server?.attributes.find((attribute) => attribute.key === 'http.response.status_code')?.value.intValue).toBe(401);
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => otlp.server.close(resolve));
    }
  }, 60_000);
});
