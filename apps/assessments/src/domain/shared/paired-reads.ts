/**
 * Two lazy reads that become one query when both are asked for in the same turn: GraphQL calls the resolvers of sibling
 * fields one after the other, synchronously, so a selection of both fields asks for both before any read starts. Nothing
 * runs until the turn's synchronous work is done; then `both` runs when both were asked, else the one asked. One asked
 * later runs on its own. Each read runs at most once; later calls share its promise.
 */
export function pairedReads<A, B>(reads: { first: () => Promise<A>; second: () => Promise<B>; both: () => Promise<[A, B]> }): {
  first: () => Promise<A>;
  second: () => Promise<B>;
} {
  interface Turn {
    first: boolean;
    second: boolean;
    result: Promise<[A | undefined, B | undefined]>;
  }
  let open: Turn | null = null;
  const ask = (key: 'first' | 'second'): Promise<[A | undefined, B | undefined]> => {
    if (open === null) {
      const turn: Turn = { first: false, second: false, result: Promise.resolve([undefined, undefined]) };
      turn.result = Promise.resolve().then(async (): Promise<[A | undefined, B | undefined]> => {
        open = null;
        if (turn.first && turn.second) return reads.both();
        return turn.first ? [await reads.first(), undefined] : [undefined, await reads.second()];
      });
      open = turn;
    }
    open[key] = true;
    return open.result;
  };
  let first: Promise<A> | undefined;
  let second: Promise<B> | undefined;
  return {
    first: () => (first ??= ask('first').then(([value]) => value as A)),
    second: () => (second ??= ask('second').then(([, value]) => value as B)),
  };
}
