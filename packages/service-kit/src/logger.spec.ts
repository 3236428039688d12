import { Writable } from 'node:stream';
import pino from 'pino';
import { requestIdFrom, requestLogger } from './logger';

describe('request ids', () => {
  it('keeps a sane incoming x-request-id', () => {
    expect(requestIdFrom({ 'x-request-id': 'abc-123' })).toBe('abc-123');
  });

  it('generates a uuid when the header is missing or unreasonable', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(requestIdFrom({})).toMatch(uuid);
    expect(requestIdFrom({ 'x-request-id': 'has spaces\nand newlines' })).toMatch(uuid);
    expect(requestIdFrom({ 'x-request-id': 'x'.repeat(129) })).toMatch(uuid);
  });

  it('binds the request id to every line of the child logger', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    requestLogger(pino({ base: { service: 'demo' } }, sink), 'req-7').info('hello');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ service: 'demo', requestId: 'req-7', msg: 'hello' });
  });
});
