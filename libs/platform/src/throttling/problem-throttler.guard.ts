import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemException } from '../errors/problem';

/**
 * HTTP only: a gateway message has no request and no IP, so the stock guard would count every
 * socket message of every person under one shared key. The gateway limits its messages itself,
 * per connection and per account (see the realtime library).
 *
 * The stock guard names its Retry-After header after the throttler (`Retry-After-auth`); clients
 * and proxies only understand the standard header, so the 429 carries that instead.
 */
@Injectable()
export class ProblemThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http' || super.shouldSkip(context);
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfterSeconds = Math.max(1, Math.ceil(detail.isBlocked ? detail.timeToBlockExpire : detail.timeToExpire));
    throw new ProblemException({
      status: 429,
      code: 'rate_limited',
      detail: 'Too many requests; slow down and try again shortly.',
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}
