import { uniqueName } from './unique-name';

describe('uniqueName', () => {
  it('keeps the prefix, adds a lower-case suffix usable as an identifier', () => {
    const name = uniqueName('h1_orgunits');
    expect(name).toMatch(/^h1_orgunits_[0-9a-z]+$/);
    expect(uniqueName('h1_')).toMatch(/^h1_[0-9a-z]+$/);
    expect(uniqueName('h1-topic-')).toMatch(/^h1-topic-[0-9a-z]+$/);
  });

  it('differs on every call', () => {
    const names = new Set(Array.from({ length: 1000 }, () => uniqueName('h1_')));
    expect(names.size).toBe(1000);
  });
});
