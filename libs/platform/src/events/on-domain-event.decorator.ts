import { DiscoveryService } from '@nestjs/core';
import type { DomainEventType } from '@polity/contracts';

/**
 * Marks a provider method as an in-process listener of a domain event. It runs after the
 * transaction that published the event has committed, in the process that committed it.
 * Pass several types to listen to each of them.
 * Work that must survive a crash belongs in a job (see EVENT_JOB_ROUTES), not here.
 */
export const OnDomainEvent = DiscoveryService.createDecorator<DomainEventType | readonly DomainEventType[]>();
