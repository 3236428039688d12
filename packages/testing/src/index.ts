export { getTestInfra } from './get-test-infra';
export { createTestDatabase, type TestDatabase } from './test-database';
export { createIsolatedTopics, createTestTopics, type IsolatedTopics, type TestTopicSpec, type TestTopics } from './test-topics';
export { type TestInfra, type TestInfraMode } from './test-infra';
export { uniqueName } from './unique-name';
export { kafkaContainerEnvironment } from './kafka-container-env';
export { createMigratedTestDatabase } from './migrated-database';
export { startGatewayProcess } from './gateway-process';
