export declare const templateDatabaseUrl: string;
export declare function suiteResources(testPath: string): { databaseUrl: string; redisPrefix: string };
export declare const testDatabaseUrl: string;
export declare const testRedisPrefix: string;
export declare const testRedisUrl: string;
export declare const testMailDropDir: string;
