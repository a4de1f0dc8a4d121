import { DiscoveryService } from '@nestjs/core';
import type { JobName } from '@polity/contracts';

/**
 * Marks a provider method as the handler of a job. The method receives the typed payload and
 * the BullMQ job; it must be safe to run twice (jobs are retried, and may be delivered again
 * after a crash).
 */
export const HandlesJob = DiscoveryService.createDecorator<JobName>();
