import { containerRuntimeReachable } from './container-runtime';

jest.mock('testcontainers', () => ({ getContainerRuntimeClient: jest.fn() }));

const { getContainerRuntimeClient } = jest.requireMock<{ getContainerRuntimeClient: jest.Mock }>('testcontainers');

describe('containerRuntimeReachable', () => {
  it('is true when Testcontainers finds a runtime', async () => {
    getContainerRuntimeClient.mockResolvedValueOnce({});
    await expect(containerRuntimeReachable()).resolves.toBe(true);
  });

  it('is false when it finds none', async () => {
    getContainerRuntimeClient.mockRejectedValueOnce(new Error('Could not find a working container runtime strategy'));
    await expect(containerRuntimeReachable()).resolves.toBe(false);
  });
});
