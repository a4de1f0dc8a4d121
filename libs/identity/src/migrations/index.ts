import { CreateIdentity1795400000100 } from './1795400000100-create-identity.migration';
import { AllowCouncilRole1795400000760 } from './1795400000760-allow-council-role.migration';
import { AddAccountLinks1795400000790 } from './1795400000790-add-account-links.migration';
import { AddAuthAttempts1795400000840 } from './1795400000840-add-auth-attempts.migration';
import { ExactAccountCursorTimes1795400000870 } from './1795400000870-exact-account-cursor-times.migration';
import { AddAccountLocale1795400000930 } from './1795400000930-add-account-locale.migration';

export const IDENTITY_MIGRATIONS = [
  CreateIdentity1795400000100,
  AllowCouncilRole1795400000760,
  AddAccountLinks1795400000790,
  AddAuthAttempts1795400000840,
  ExactAccountCursorTimes1795400000870,
  AddAccountLocale1795400000930,
];
