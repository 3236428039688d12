import { logLevel } from 'kafkajs';
import pino from 'pino';
import { forwardKafkaLog } from './kafka';
import { type EventsLogger } from './logger';

describe('forwardKafkaLog', () => {
  it('maps kafkajs levels and keeps the fields under `kafka`', () => {
    const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    const entry = (level: logLevel) => ({ namespace: 'Connection', level, label: '', log: { timestamp: 't', message: 'm', broker: 'b:1' } });
    forwardKafkaLog(logger, entry(logLevel.ERROR));
    forwardKafkaLog(logger, entry(logLevel.WARN));
    forwardKafkaLog(logger, entry(logLevel.INFO));
    forwardKafkaLog(logger, entry(logLevel.DEBUG));
    for (const fn of [logger.error, logger.warn, logger.info, logger.debug]) {
      expect(fn).toHaveBeenCalledWith({ kafka: { namespace: 'Connection', timestamp: 't', broker: 'b:1' } }, 'm');
    }
  });

  it('accepts a pino logger', () => {
    const logger: EventsLogger = pino({ level: 'silent' });
    expect(() => logger.info({ a: 1 }, 'x')).not.toThrow();
  });
});
