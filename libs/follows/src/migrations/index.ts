import { CreateFollows1795400000300 } from './1795400000300-create-follows.migration';

export const FOLLOWS_MIGRATIONS = [CreateFollows1795400000300];
