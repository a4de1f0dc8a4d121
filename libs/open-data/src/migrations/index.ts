import { CreateOpenData1795400000810 } from './1795400000810-create-open-data.migration';

export const OPEN_DATA_MIGRATIONS = [CreateOpenData1795400000810];
