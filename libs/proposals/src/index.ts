export * from './proposals.module';
export * from './proposals.service';
export * from './proposals.query';
export { PROPOSALS_MIGRATIONS } from './migrations';
export { ProposalSupportsService } from './proposal-supports.service';
export { ListProposalsQueryDto } from './proposals.dto';
