import { AddProposalModerationState1795400000730 } from './1795400000730-add-proposal-moderation-state.migration';
import { AddProposalCommented1795400000920 } from './1795400000920-add-proposal-commented.migration';
import { CreateProposals1795400000500 } from './1795400000500-create-proposals.migration';

export const PROPOSALS_MIGRATIONS = [
  CreateProposals1795400000500,
  AddProposalModerationState1795400000730,
  AddProposalCommented1795400000920,
];
