import { Injectable } from '@nestjs/common';
import type { BudgetView } from '@polity/contracts';
import { UsersService } from '@polity/identity';
import type { Principal } from '@polity/platform';
import type { BallotDto } from '../ballots/ballots.dto';
import { BallotsService } from '../ballots/ballots.service';
import type { VoterStanding } from './budget.page';

/** Where a signed-in reader stands in a budget: their district, whether they must verify first, their ballots. */
@Injectable()
export class VoterStandings {
  constructor(
    private readonly users: UsersService,
    private readonly ballots: BallotsService,
  ) {}

  async of(principal: Principal | undefined, budget: BudgetView): Promise<VoterStanding | null> {
    if (!principal) return null;
    const [voter, ballots] = await Promise.all([this.voter(principal, budget), this.ballotsOf(principal, budget)]);
    return voter && { ...voter, votedIn: ballots.map((ballot) => ballot.district) };
  }

  /** Whether the reader must verify first, and their district: what a ballot's steps need, without reading ballots. */
  async voter(principal: Principal, budget: BudgetView): Promise<Omit<VoterStanding, 'votedIn'> | null> {
    const user = await this.users.get(principal.userId).catch(() => null);
    return user && { verifiedNeeded: budget.requireVerified && user.verifiedAt === null, residentDistrict: user.residentDistrict };
  }

  /** Every project the reader chose, over their ballots in this budget. */
  async votedFor(principal: Principal | undefined, budget: BudgetView): Promise<string[]> {
    if (!principal) return [];
    return (await this.ballotsOf(principal, budget)).flatMap((ballot) => ballot.projectIds);
  }

  /** One ballot, or one per district where residents vote in each: none is not an error here. */
  async ballotsOf(principal: Principal, budget: BudgetView): Promise<BallotDto[]> {
    const districts = budget.districtVoting === 'all' ? budget.districts.map((d) => d.code) : [undefined];
    const found = await Promise.all(districts.map((district) => this.ballots.mine(principal, budget.id, district).catch(() => null)));
    return found.filter((ballot): ballot is BallotDto => ballot !== null);
  }
}
