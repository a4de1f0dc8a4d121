import { CreateCodesign1795400000770 } from './1795400000770-create-codesign.migration';
import { AllowPostDeletion1795400000830 } from './1795400000830-allow-post-deletion.migration';

export const CODESIGN_MIGRATIONS = [CreateCodesign1795400000770, AllowPostDeletion1795400000830];
