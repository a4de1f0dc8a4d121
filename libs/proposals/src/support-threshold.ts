import { Injectable } from '@nestjs/common';
import { UsersService } from '@polity/identity';
import { ParticipationConfig } from '@polity/platform';

/** How many supports a proposal needs today: fixed, or a share of the residents verified now. */
@Injectable()
export class SupportThreshold {
  constructor(
    private readonly participation: ParticipationConfig,
    private readonly users: UsersService,
  ) {}

  async current(): Promise<number> {
    const { supportThreshold } = this.participation;
    return this.participation.thresholdFor(supportThreshold.kind === 'fixed' ? 0 : await this.users.countVerifiedResidents());
  }
}
