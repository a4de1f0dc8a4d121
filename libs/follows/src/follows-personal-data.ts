import { Injectable } from '@nestjs/common';
import { PersonalData, PersonalDataSource, Transaction } from '@polity/platform';
import { FollowEntity } from './follow.entity';
import { FollowsService } from './follows.service';

@PersonalData('follows')
@Injectable()
export class FollowsPersonalData implements PersonalDataSource {
  constructor(private readonly follows: FollowsService) {}

  exportFor(userId: string): Promise<unknown> {
    return this.follows.followedBy(userId);
  }

  async eraseFor(userId: string, tx: Transaction): Promise<void> {
    await tx.manager.delete(FollowEntity, { userId });
  }
}
