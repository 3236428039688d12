import { createHash } from 'node:crypto';
import { badInput } from '@antt/service-kit';

export const EVIDENCE_ERROR_REASONS = [
  'EVIDENCE_TOO_LARGE',
  'EVIDENCE_TYPE_FORBIDDEN',
  'EVIDENCE_TYPE_MISMATCH',
  'EVIDENCE_CONTENT_INVALID',
  'EVIDENCE_CHECKSUM_INVALID',
  'EVIDENCE_CHECKSUM_MISMATCH',
  'EVIDENCE_FILE_NAME_INVALID',
  'EVIDENCE_TARGET_REQUIRED',
  'EVIDENCE_ASSESSMENT_CLOSED',
  'EVIDENCE_TOO_MANY_FILES',
] as const;

export const evidenceErrors = {
  tooLarge: (maxBytes: number) => badInput('EVIDENCE_TOO_LARGE', `contentBase64: the file exceeds ${maxBytes} bytes`, { field: 'contentBase64', maxBytes }),
  typeForbidden: (contentType: string, allowed: readonly string[]) =>
    badInput('EVIDENCE_TYPE_FORBIDDEN', `contentType: ${contentType} is not accepted (${allowed.join(', ')})`, { field: 'contentType', contentType, allowed }),
  typeMismatch: (contentType: string) => badInput('EVIDENCE_TYPE_MISMATCH', `contentBase64: the content is not a ${contentType} file`, { field: 'contentBase64', contentType }),
  contentInvalid: () => badInput('EVIDENCE_CONTENT_INVALID', 'contentBase64: a non-empty base64 string', { field: 'contentBase64' }),
  checksumInvalid: () => badInput('EVIDENCE_CHECKSUM_INVALID', 'sha256: 64 hexadecimal digits', { field: 'sha256' }),
  checksumMismatch: (expected: string, actual: string) =>
    badInput('EVIDENCE_CHECKSUM_MISMATCH', 'sha256: the content does not have this checksum (damaged in transit?)', { field: 'sha256', expected, actual }),
  fileNameInvalid: () => badInput('EVIDENCE_FILE_NAME_INVALID', 'fileName: a file name without path separators', { field: 'fileName' }),
  targetRequired: () => badInput('EVIDENCE_TARGET_REQUIRED', 'itemCode: name exactly one of itemCode and criterionCode', { field: 'itemCode' }),
  assessmentClosed: (status: string) => badInput('EVIDENCE_ASSESSMENT_CLOSED', `assessmentId: evidence is attached before approval (the assessment is ${status})`, { field: 'assessmentId', status }),
  tooManyFiles: (max: number) => badInput('EVIDENCE_TOO_MANY_FILES', `assessmentId: at most ${max} files per assessment`, { field: 'assessmentId', max }),
};

/** File signatures of the types whose content is checked against the declared type. */
const SIGNATURES: Record<string, readonly number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export interface CheckedFile {
  content: Buffer;
  sha256: string;
  contentType: string;
}

export const sha256Hex = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

/**
 * Checks an upload before anything is written: type allowed, base64 well formed, size within the limit (bounded before
 * decoding), the declared checksum that of the content, and for PDF/PNG/JPEG the content's signature that of the type.
 */
export function checkUpload(raw: { contentType: string; contentBase64: string; sha256: string }, limits: { maxBytes: number; allowedTypes: readonly string[] }): CheckedFile {
  const contentType = raw.contentType.trim().toLowerCase();
  if (!limits.allowedTypes.includes(contentType)) throw evidenceErrors.typeForbidden(raw.contentType, limits.allowedTypes);
  const declared = raw.sha256.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(declared)) throw evidenceErrors.checksumInvalid();
  // Four base64 characters carry three bytes: refuse an oversized string before decoding it.
  if (raw.contentBase64.length > Math.ceil(limits.maxBytes / 3) * 4) throw evidenceErrors.tooLarge(limits.maxBytes);
  if (raw.contentBase64.length === 0 || !BASE64.test(raw.contentBase64)) throw evidenceErrors.contentInvalid();
  const content = Buffer.from(raw.contentBase64, 'base64');
  if (content.length === 0) throw evidenceErrors.contentInvalid();
  if (content.length > limits.maxBytes) throw evidenceErrors.tooLarge(limits.maxBytes);
  const actual = sha256Hex(content);
  if (actual !== declared) throw evidenceErrors.checksumMismatch(declared, actual);
  const signatures = SIGNATURES[contentType];
  if (signatures && !signatures.some((signature) => signature.every((byte, index) => content[index] === byte))) throw evidenceErrors.typeMismatch(contentType);
  return { content, sha256: actual, contentType };
}

/** A file name as given, without any path (refused when it holds separators or control characters). */
export function checkFileName(value: string): string {
  const name = value.trim();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (name.length === 0 || name.length > 200 || /[/\\\u0000-\u001f]/.test(name) || name === '.' || name === '..') throw evidenceErrors.fileNameInvalid();
  return name;
}
