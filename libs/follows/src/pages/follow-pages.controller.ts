import { Body, Controller, NotFoundException, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { canonicalKind } from '@polity/contracts';
import { DiscussableResources, isUuid, Public } from '@polity/platform';
import { localPath, seeOther, signInFirst, Web, type WebRequest } from '@polity/web';
import type { Response } from 'express';
import { FollowsService } from '../follows.service';

/**
 * The site's one follow button, for every kind that can be followed: follows or stops following,
 * then back to the page the button was on (the live client merges that page's answer in place).
 */
@ApiExcludeController()
@Public()
@Controller('follow')
export class FollowPagesController {
  constructor(
    private readonly follows: FollowsService,
    private readonly resources: DiscussableResources,
  ) {}

  @Post()
  async follow(@Web() web: WebRequest, @Body() form: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const back = localPath(form.back);
    const id = form.id;
    if (typeof form.kind !== 'string' || typeof id !== 'string' || !isUuid(id)) throw new NotFoundException();
    if (!web.principal) return signInFirst(response, back);
    // Only what the reader may see can be followed: anything else is not found.
    await this.resources.roomOf(form.kind, id, web.principal);
    const kind = canonicalKind(form.kind);
    if (form.follow === 'remove') await this.follows.unfollow(kind, id, web.principal.userId);
    else await this.follows.follow(kind, id, web.principal.userId);
    seeOther(response, back);
  }
}
