import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FollowEntity } from './follow.entity';
import { FollowsController } from './follows.controller';
import { FollowsPersonalData } from './follows-personal-data';
import { FollowsService } from './follows.service';
import { FollowPagesController } from './pages/follow-pages.controller';

export const FOLLOWS_ENTITIES = [FollowEntity];

@Module({
  imports: [TypeOrmModule.forFeature(FOLLOWS_ENTITIES)],
  providers: [FollowsService, FollowsPersonalData],
  exports: [FollowsService],
})
export class FollowsModule {}

@Module({ imports: [FollowsModule], controllers: [FollowsController] })
export class FollowsHttpModule {}

/** The site's follow button's route. */
@Module({ imports: [FollowsModule], controllers: [FollowPagesController] })
export class FollowsPagesModule {}
