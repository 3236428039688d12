import { chunkByBytes } from './relay';

describe('chunkByBytes', () => {
  const size = (value: string) => value.length;

  it('keeps the order and cuts before the run would pass the limit', () => {
    expect(chunkByBytes(['aaa', 'bb', 'cccc', 'd', 'ee'], size, 5)).toEqual([['aaa', 'bb'], ['cccc', 'd'], ['ee']]);
  });

  it('sends an item larger than the limit alone rather than never', () => {
    expect(chunkByBytes(['a', 'xxxxxxxx', 'b'], size, 4)).toEqual([['a'], ['xxxxxxxx'], ['b']]);
  });

  it('cuts at most items too, when given', () => {
    expect(chunkByBytes(['a', 'b', 'c', 'dddd', 'e'], size, 5, 2)).toEqual([['a', 'b'], ['c', 'dddd'], ['e']]);
  });

  it('gives nothing for nothing', () => {
    expect(chunkByBytes([], size, 10)).toEqual([]);
  });
});
