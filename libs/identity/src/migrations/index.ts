import { CreateIdentity1795400000100 } from './1795400000100-create-identity.migration';

export const IDENTITY_MIGRATIONS = [CreateIdentity1795400000100];
