import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemDetailsFilter } from './problem-details.filter';

interface Captured {
  status?: number;
  type?: string;
  body?: Record<string, unknown>;
}

function httpHost(captured: Captured): ArgumentsHost {
  const request = { id: 'req-123', originalUrl: '/api/v1/things/1?x=1', headers: {} } as unknown as Request;
  const response = {
    headersSent: false,
    setHeader: jest.fn(),
    status(code: number) {
      captured.status = code;
      return this;
    },
    type(value: string) {
      captured.type = value;
      return this;
    },
    send(payload: string) {
      captured.body = JSON.parse(payload) as Record<string, unknown>;
      return this;
    },
  } as unknown as Response;
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
}

describe('ProblemDetailsFilter', () => {
  it('answers an unexpected error with the correlation id only, and logs the cause', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const captured: Captured = {};
    new ProblemDetailsFilter().catch(new Error('connection to 10.0.0.5 refused: password=hunter2'), httpHost(captured));

    expect(captured.status).toBe(500);
    expect(captured.type).toBe('application/problem+json');
    expect(captured.body).toEqual({
      type: 'urn:polity:problem:internal_error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something went wrong on our side. Quote req-123 when reporting it.',
      instance: '/api/v1/things/1',
      code: 'internal_error',
      correlationId: 'req-123',
    });
    expect(JSON.stringify(captured.body)).not.toContain('hunter2');
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ correlationId: 'req-123', err: expect.any(Error) }), 'unhandled error');
    logged.mockRestore();
  });

  it("keeps Nest's own HTTP errors as their status with a code derived from it", () => {
    const captured: Captured = {};
    new ProblemDetailsFilter().catch(new NotFoundException('Cannot GET /nowhere'), httpHost(captured));
    expect(captured.status).toBe(404);
    expect(captured.body).toMatchObject({ code: 'not_found', detail: 'Cannot GET /nowhere', correlationId: 'req-123' });
  });
});
