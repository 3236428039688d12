/** True when Testcontainers finds a container runtime (Docker, Podman, ...); fails fast where there is none. */
export async function containerRuntimeReachable(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
