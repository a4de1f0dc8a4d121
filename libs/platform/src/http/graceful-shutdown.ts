import type { Server } from 'node:http';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';

/** How long requests already under way may take to finish once the process is asked to stop. */
const GRACE_MS = 10_000;

/**
 * SIGTERM without dropping anyone: readiness turns 503 at once (a load balancer stops sending), every
 * answer from then on closes its connection (busy keep-alive clients would otherwise keep the server
 * open forever), idle connections are closed, and the requests under way get up to ten seconds to
 * finish. Nest then closes Socket.IO (clients reconnect, to another instance) and the HTTP server.
 */
@Injectable()
export class GracefulShutdown implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(GracefulShutdown.name);
  private inFlight = 0;
  private settled: (() => void) | undefined;
  draining = false;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Readiness says "stopping" from the signal on, before any shutdown hook has run. */
  private readonly onSignal = (): void => {
    this.draining = true;
  };

  onApplicationBootstrap(): void {
    process.once('SIGTERM', this.onSignal);
    process.once('SIGINT', this.onSignal);
  }

  onApplicationShutdown(): void {
    process.off('SIGTERM', this.onSignal);
    process.off('SIGINT', this.onSignal);
  }

  /** Express middleware: counts requests under way, and closes connections once draining. */
  readonly track = (_request: Request, response: Response, next: NextFunction): void => {
    this.inFlight++;
    if (this.draining) response.setHeader('Connection', 'close');
    response.once('close', () => {
      this.inFlight--;
      if (this.inFlight === 0) this.settled?.();
    });
    next();
  };

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (!signal) return;
    this.draining = true;
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    server?.closeIdleConnections();
    const started = Date.now();
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        this.settled = resolve;
        setTimeout(resolve, GRACE_MS).unref();
      });
    }
    // Whatever still holds a connection open now would hold the process: it goes.
    server?.closeIdleConnections();
    this.logger.log({ signal, waitedMs: Date.now() - started, unfinished: this.inFlight }, 'stopping: requests under way have finished');
  }
}
