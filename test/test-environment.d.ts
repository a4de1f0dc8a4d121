export declare const testDatabaseUrl: string;
export declare const testRedisUrl: string;
export declare const testMailDropDir: string;
