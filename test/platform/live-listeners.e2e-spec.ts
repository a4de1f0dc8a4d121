import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { OnDomainEvent, OnDomainEvents } from '@polity/platform';
import { createTestApp, type RunningApp, startTestWorker } from '@polity/testing';

/** Every in-process domain event listener an app runs, as `Class.method`. */
function listenersOf(app: RunningApp): string[] {
  const discovery = app.app.get(DiscoveryService);
  const scanner = app.app.get(MetadataScanner);
  const found: string[] = [];
  for (const wrapper of discovery.getProviders()) {
    const instance: unknown = wrapper.instance;
    if (!instance || typeof instance !== 'object') continue;
    for (const method of scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
      const listens =
        discovery.getMetadataByDecorator(OnDomainEvent, wrapper, method) ??
        discovery.getMetadataByDecorator(OnDomainEvents, wrapper, method);
      if (listens) found.push(`${instance.constructor.name}.${method}`);
    }
  }
  return found.sort();
}

describe('live listeners', () => {
  let api: RunningApp;
  let worker: RunningApp;

  beforeAll(async () => {
    api = await createTestApp();
    worker = await startTestWorker();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('are the same, once each, in the api and the worker: an event either commits meets the same listeners', () => {
    const inApi = listenersOf(api);
    const inWorker = listenersOf(worker);
    expect(inWorker).toEqual(inApi);
    expect(new Set(inApi).size).toBe(inApi.length);
    // One per feature that pushes live, at least.
    for (const listener of [
      'ProposalsLiveListener.published',
      'CommentsLiveListener.push',
      'BudgetsLiveListener.budgetChanged',
      'SurveysLiveListener.surveyChanged',
      'ThreadsLiveListener.threadChanged',
      'CouncilLiveListener.decided',
      'ModerationLiveListener.queued',
    ])
      expect(inApi).toContain(listener);
  });
});
