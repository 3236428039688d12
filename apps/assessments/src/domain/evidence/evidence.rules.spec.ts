import { checkFileName, checkUpload, sha256Hex } from './evidence.rules';

const limits = { maxBytes: 64, allowedTypes: ['application/pdf', 'image/png', 'text/plain'] };
const pdf = Buffer.from('%PDF-1.7\nbiên bản họp\n');
const upload = (content: Buffer, overrides: Partial<{ contentType: string; sha256: string; contentBase64: string }> = {}) => ({
  contentType: 'application/pdf',
  contentBase64: content.toString('base64'),
  sha256: sha256Hex(content),
  ...overrides,
});
const reasonOf = (work: () => unknown): unknown => {
  try {
    work();
  } catch (error) {
    return (error as { reason?: string; extensions?: { reason?: string } }).reason ?? (error as { extensions?: { reason?: string } }).extensions?.reason;
  }
  return 'accepted';
};

describe('evidence upload checks', () => {
  it('accepts an allowed file whose checksum and signature agree', () => {
    const file = checkUpload(upload(pdf, { sha256: sha256Hex(pdf).toUpperCase() }), limits);
    expect(file.content.equals(pdf)).toBe(true);
    expect(file.sha256).toBe(sha256Hex(pdf));
  });

  it('refuses with stable reasons: forbidden type, too large (before decoding too), bad base64, empty, bad or wrong checksum, type mismatch', () => {
    expect(reasonOf(() => checkUpload(upload(pdf, { contentType: 'application/x-msdownload' }), limits))).toBe('EVIDENCE_TYPE_FORBIDDEN');
    const big = Buffer.concat([pdf, Buffer.alloc(64)]);
    expect(reasonOf(() => checkUpload(upload(big), limits))).toBe('EVIDENCE_TOO_LARGE');
    expect(reasonOf(() => checkUpload(upload(pdf, { contentBase64: 'A'.repeat(10_000) }), limits))).toBe('EVIDENCE_TOO_LARGE');
    expect(reasonOf(() => checkUpload(upload(pdf, { contentBase64: 'not base64!' }), limits))).toBe('EVIDENCE_CONTENT_INVALID');
    expect(reasonOf(() => checkUpload(upload(pdf, { contentBase64: '' }), limits))).toBe('EVIDENCE_CONTENT_INVALID');
    expect(reasonOf(() => checkUpload(upload(pdf, { sha256: 'abc' }), limits))).toBe('EVIDENCE_CHECKSUM_INVALID');
    expect(reasonOf(() => checkUpload(upload(pdf, { sha256: sha256Hex(Buffer.from('other')) }), limits))).toBe('EVIDENCE_CHECKSUM_MISMATCH');
    const notPng = Buffer.from('plain text');
    expect(reasonOf(() => checkUpload(upload(notPng, { contentType: 'image/png' }), limits))).toBe('EVIDENCE_TYPE_MISMATCH');
    expect(reasonOf(() => checkUpload(upload(notPng, { contentType: 'text/plain' }), limits))).toBe('accepted');
  });

  it('file names carry no path', () => {
    expect(checkFileName('  bien-ban.pdf ')).toBe('bien-ban.pdf');
    for (const name of ['../etc/passwd', 'a\\b.pdf', '', '..', 'a\u0000.pdf']) expect(reasonOf(() => checkFileName(name))).toBe('EVIDENCE_FILE_NAME_INVALID');
  });
});
