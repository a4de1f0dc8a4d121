/** A `.pb` file that cannot be read, with the 1-based line that says why. */
export class PabulibFormatError extends Error {
  override readonly name = 'PabulibFormatError';

  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}
