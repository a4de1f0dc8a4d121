import { OneNamePerKindInAudit1795400000890 } from './1795400000890-one-name-per-kind.migration';
import { CreateAuditLog1795400000700 } from './1795400000700-create-audit-log.migration';
import { CreateOutbox1795400000000 } from './1795400000000-create-outbox.migration';
import { CreateQueuedJob1795400000960 } from './1795400000960-create-queued-job.migration';

export const PLATFORM_MIGRATIONS = [
  CreateOutbox1795400000000,
  CreateAuditLog1795400000700,
  OneNamePerKindInAudit1795400000890,
  CreateQueuedJob1795400000960,
];
export { FORMER_KIND_VALUES } from './1795400000890-one-name-per-kind.migration';
