/**
 * The ids of erased accounts, which open data publishes under no pseudonym at all: after erasure
 * nothing groups what the person wrote. Implemented by the identity feature.
 */
export abstract class ErasedAccounts {
  abstract all(): Promise<Set<string>>;
}
