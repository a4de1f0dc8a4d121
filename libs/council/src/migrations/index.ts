import { CreateCouncil1795400000780 } from './1795400000780-create-council.migration';

export const COUNCIL_MIGRATIONS = [CreateCouncil1795400000780];
