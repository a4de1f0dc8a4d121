import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@polity/contracts';
import { DiscussableResources, OnDomainEvent } from '@polity/platform';
import { Broadcaster } from '@polity/realtime';
import { CommentsService } from './comments.service';

type CommentEvent =
  DomainEvent<'comment.created'> | DomainEvent<'comment.updated'> | DomainEvent<'comment.deleted'> | DomainEvent<'comment.moderated'>;

/**
 * Pushes committed comment changes to the room of the resource they belong to, as an anonymous
 * reader sees them: a held or hidden comment arrives as a placeholder, never with its text.
 */
@Injectable()
export class CommentsLiveListener {
  constructor(
    private readonly comments: CommentsService,
    private readonly resources: DiscussableResources,
    private readonly broadcaster: Broadcaster,
  ) {}

  @OnDomainEvent(['comment.created', 'comment.updated', 'comment.deleted', 'comment.moderated'])
  async push(event: CommentEvent): Promise<void> {
    const { commentId, kind, resourceId } = event.payload;
    const [view, room] = await Promise.all([this.comments.view(commentId), this.resources.get(kind).roomFor(resourceId, undefined)]);
    if (view && room) await this.broadcaster.toRoom(room, event.type === 'comment.moderated' ? 'comment.updated' : event.type, view);
  }
}
