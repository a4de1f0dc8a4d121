import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@polity/contracts';
import { DiscussableResources, OnDomainEvents } from '@polity/platform';
import { Broadcaster, type OutgoingMessage } from '@polity/realtime';
import { CommentsService } from './comments.service';

type CommentEvent =
  DomainEvent<'comment.created'> | DomainEvent<'comment.updated'> | DomainEvent<'comment.deleted'> | DomainEvent<'comment.moderated'>;

/**
 * Pushes committed comment changes to the room of the resource they belong to, as an anonymous
 * reader sees them: a held or hidden comment arrives as a placeholder, never with its text. A
 * transaction's changes go together (a screening batch holds dozens of comments at once): one
 * read of the comments, one room lookup per discussion, one numbering per room.
 */
@Injectable()
export class CommentsLiveListener {
  constructor(
    private readonly comments: CommentsService,
    private readonly resources: DiscussableResources,
    private readonly broadcaster: Broadcaster,
  ) {}

  @OnDomainEvents(['comment.created', 'comment.updated', 'comment.deleted', 'comment.moderated'])
  async push(events: CommentEvent[]): Promise<void> {
    const discussions = new Map(events.map(({ payload }) => [`${payload.kind}:${payload.resourceId}`, payload]));
    const [views, rooms] = await Promise.all([
      this.comments.views(events.map((event) => event.payload.commentId)),
      Promise.all(
        [...discussions].map(
          async ([key, { kind, resourceId }]) => [key, await this.resources.get(kind).roomFor(resourceId, undefined)] as const,
        ),
      ),
    ]);
    const roomOf = new Map(rooms);
    const byRoom = new Map<string, OutgoingMessage[]>();
    for (const { type, payload } of events) {
      const view = views.get(payload.commentId);
      const room = roomOf.get(`${payload.kind}:${payload.resourceId}`);
      if (!view || !room) continue;
      const messages = byRoom.get(room) ?? [];
      messages.push({ event: type === 'comment.moderated' ? 'comment.updated' : type, data: view });
      byRoom.set(room, messages);
    }
    await Promise.all([...byRoom].map(([room, messages]) => this.broadcaster.toRoomMany(room, messages)));
  }
}
