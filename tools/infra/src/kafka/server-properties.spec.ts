import { renderServerProperties } from './server-properties';

function parse(text: string): Map<string, string> {
  return new Map(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('renderServerProperties', () => {
  const props = parse(renderServerProperties({ host: '127.0.0.1', port: 9092, controllerPort: 9093, dataDir: '/repo/.local/kafka/data' }));

  it('runs broker and controller in one process with a dynamic single-voter quorum', () => {
    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('node.id')).toBe('1');
    expect(props.get('controller.quorum.bootstrap.servers')).toBe('127.0.0.1:9093');
    expect(props.get('controller.listener.names')).toBe('CONTROLLER');
  });

  it('listens on loopback only', () => {
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093');
  });

  it('keeps topic auto-creation off and every internal topic at replication factor and min ISR 1', () => {
    expect(props.get('auto.create.topics.enable')).toBe('false');
    for (const key of [
      'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor',
      'transaction.state.log.min.isr',
      'share.coordinator.state.topic.replication.factor',
      'share.coordinator.state.topic.min.isr',
      'default.replication.factor',
      'min.insync.replicas',
    ]) {
      expect([key, props.get(key)]).toEqual([key, '1']);
    }
    expect(props.get('group.initial.rebalance.delay.ms')).toBe('0');
  });

  it('stores data in the given folder', () => {
    expect(props.get('log.dirs')).toBe('/repo/.local/kafka/data');
  });

  it('escapes backslashes, which Java properties treat as escapes', () => {
    const windows = parse(renderServerProperties({ host: '127.0.0.1', port: 1, controllerPort: 2, dataDir: 'C:\\kafka\\data' }));
    expect(windows.get('log.dirs')).toBe('C:\\\\kafka\\\\data');
  });
});
