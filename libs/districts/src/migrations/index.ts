import { CreateDistricts1795400000200 } from './1795400000200-create-districts.migration';

export const DISTRICTS_MIGRATIONS = [CreateDistricts1795400000200];
