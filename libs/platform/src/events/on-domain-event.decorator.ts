import { DiscoveryService } from '@nestjs/core';
import type { DomainEventType } from '@polity/contracts';

/**
 * Marks a provider method as an in-process listener of a domain event. It runs after the
 * transaction that published the event has committed, in the process that committed it.
 * Pass several types to listen to each of them.
 * Work that must survive a crash belongs in a job (see EVENT_JOB_ROUTES), not here.
 */
export const OnDomainEvent = DiscoveryService.createDecorator<DomainEventType | readonly DomainEventType[]>();

/**
 * Like OnDomainEvent, but the method takes, in one call, every event of its types that one
 * transaction committed (in publication order): for follow-ups that read once per set, such as a
 * screening batch that holds a hundred comments and pushes each to its room.
 */
export const OnDomainEvents = DiscoveryService.createDecorator<DomainEventType | readonly DomainEventType[]>();
