import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FileSystemEvidenceStorage } from './filesystem-evidence-storage';

describe('filesystem evidence storage', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'evidence-spec-'));
  });
  afterEach(async () => rm(root, { recursive: true, force: true }));

  it('stores, reads back and removes a file under its key, leaving no temporary file', async () => {
    const storage = await FileSystemEvidenceStorage.open(path.join(root, 'nested', 'dir'));
    const key = `${randomUUID()}/${randomUUID()}`;
    await storage.put(key, Buffer.from('%PDF-1.7'));
    expect((await storage.get(key))?.toString()).toBe('%PDF-1.7');
    expect(await readdir(path.join(root, 'nested', 'dir', key.split('/')[0]!))).toEqual([key.split('/')[1]]);
    await storage.remove(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.remove(key)).resolves.toBeUndefined();
  });

  it('never overwrites a key and refuses keys that could leave the directory', async () => {
    const storage = await FileSystemEvidenceStorage.open(root);
    const key = `${randomUUID()}/${randomUUID()}`;
    await storage.put(key, Buffer.from('first'));
    await expect(storage.put(key, Buffer.from('second'))).rejects.toThrow('already exists');
    expect((await storage.get(key))?.toString()).toBe('first');
    await expect(storage.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow('invalid evidence key');
  });

  it('refuses a configured path that is not a directory', async () => {
    const file = path.join(root, 'a-file');
    await writeFile(file, 'x');
    await expect(FileSystemEvidenceStorage.open(file)).rejects.toThrow();
  });
});
