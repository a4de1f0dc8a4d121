import { CreateProposals1795400000500 } from './1795400000500-create-proposals.migration';

export const PROPOSALS_MIGRATIONS = [CreateProposals1795400000500];
