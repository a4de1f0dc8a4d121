import { swappedWithNeighbour } from './console-parts';

describe('moving an item of an ordered list one step', () => {
  it('swaps it with the neighbour above or below', () => {
    expect(swappedWithNeighbour(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(swappedWithNeighbour(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
  });

  it('does nothing past either end, or for an item not in the list', () => {
    expect(swappedWithNeighbour(['a', 'b'], 'a', -1)).toBeNull();
    expect(swappedWithNeighbour(['a', 'b'], 'b', 1)).toBeNull();
    expect(swappedWithNeighbour(['a', 'b'], 'z', 1)).toBeNull();
  });
});
