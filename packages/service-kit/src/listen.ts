import { type createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

/** Listens and resolves the actual port (useful with port 0). */
export function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
