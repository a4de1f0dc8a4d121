import { CreateAuditLog1795400000700 } from './1795400000700-create-audit-log.migration';
import { CreateOutbox1795400000000 } from './1795400000000-create-outbox.migration';

export const PLATFORM_MIGRATIONS = [CreateOutbox1795400000000, CreateAuditLog1795400000700];
