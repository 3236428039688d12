/**
 * Where evidence files live. Keys are chosen by the service (`<assessment id>/<file id>`, never a caller's name); content is
 * written whole or not at all. The filesystem implementation is the default (`infrastructure/filesystem-evidence-storage.ts`);
 * an object store implements the same three calls.
 */
export interface EvidenceStorage {
  /** Stores `content` under a new `key`; refuses to overwrite an existing one. */
  put(key: string, content: Buffer): Promise<void>;
  /** The content under `key`, null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes `key` (no error when it is absent): the clean-up after a failed upload. */
  remove(key: string): Promise<void>;
}

export interface EvidenceRules {
  storage: EvidenceStorage;
  /** Largest decoded file in bytes (EVIDENCE_MAX_BYTES). */
  maxBytes: number;
  /** Content types accepted (EVIDENCE_ALLOWED_TYPES). */
  allowedTypes: readonly string[];
}
