import { randomBytes } from 'node:crypto';

/** A KRaft cluster id: 16 random bytes, base64url without padding; never starting with '-' (it would read as a CLI flag). */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
