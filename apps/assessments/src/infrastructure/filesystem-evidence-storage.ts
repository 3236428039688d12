import { constants } from 'node:fs';
import { access, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type EvidenceStorage } from '../domain/evidence/evidence.storage';

const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/**
 * Evidence files on a local directory (the default storage): `<root>/<assessment id>/<file id>`. A file is written to a temporary
 * name and renamed into place, so a reader never sees half a file; an existing key is never overwritten.
 */
export class FileSystemEvidenceStorage implements EvidenceStorage {
  private constructor(private readonly root: string) {}

  /** Validates the configured directory once at start: created when missing, must be a writable directory. */
  static async open(directory: string): Promise<FileSystemEvidenceStorage> {
    const root = path.resolve(directory);
    await mkdir(root, { recursive: true });
    if (!(await stat(root)).isDirectory()) throw new Error(`EVIDENCE_STORAGE_DIR ${root} is not a directory`);
    await access(root, constants.R_OK | constants.W_OK);
    return new FileSystemEvidenceStorage(root);
  }

  async put(key: string, content: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.part`;
    await writeFile(temporary, content, { flag: 'wx' });
    try {
      await access(target).then(
        () => {
          throw new Error(`evidence ${key} already exists`);
        },
        () => undefined,
      );
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid evidence key ${key}`);
    return path.join(this.root, key);
  }
}
