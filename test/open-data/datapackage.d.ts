// The little of the `datapackage` library (frictionlessdata/datapackage-js) the tests use; it ships no types.
declare module 'datapackage' {
  interface Resource {
    name: string;
    tabular: boolean;
    read(options: { keyed?: boolean; cast?: boolean }): Promise<Record<string, unknown>[]>;
  }
  export class Package {
    static load(descriptor: string, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
  }
}
