import { CreateCodesign1795400000770 } from './1795400000770-create-codesign.migration';

export const CODESIGN_MIGRATIONS = [CreateCodesign1795400000770];
