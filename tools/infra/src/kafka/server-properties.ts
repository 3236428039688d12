/** Settings of the single-node KRaft broker. */
export interface BrokerSettings {
  host: string;
  port: number;
  controllerPort: number;
  dataDir: string;
  nodeId?: number;
}

/**
 * `server.properties` of a single-node KRaft broker (broker and controller in one process, dynamic quorum of Kafka 4),
 * listening on loopback only. Every internal topic has replication factor 1 and min ISR 1, because there is one broker;
 * topics are only created by `ensureTopics`.
 */
export function renderServerProperties(settings: BrokerSettings): string {
  const { host, port, controllerPort, dataDir, nodeId = 1 } = settings;
  const entries: Array<[string, string | number | boolean]> = [
    ['process.roles', 'broker,controller'],
    ['node.id', nodeId],
    ['controller.quorum.bootstrap.servers', `${host}:${controllerPort}`],
    ['listeners', `PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`],
    ['advertised.listeners', `PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['listener.security.protocol.map', 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT'],
    ['log.dirs', dataDir],
    ['num.partitions', 1],
    ['default.replication.factor', 1],
    ['min.insync.replicas', 1],
    ['auto.create.topics.enable', false],
    ['offsets.topic.replication.factor', 1],
    ['offsets.topic.num.partitions', 1],
    ['transaction.state.log.replication.factor', 1],
    ['transaction.state.log.min.isr', 1],
    ['share.coordinator.state.topic.replication.factor', 1],
    ['share.coordinator.state.topic.min.isr', 1],
    ['group.initial.rebalance.delay.ms', 0],
    ['log.retention.check.interval.ms', 60_000],
  ];
  const lines = entries.map(([key, value]) => `${key}=${escapeValue(String(value))}`);
  return `# Written by tools/infra: single-node KRaft broker, loopback only.\n${lines.join('\n')}\n`;
}

function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\');
}
