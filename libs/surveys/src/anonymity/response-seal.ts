import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthConfig } from '@polity/platform';
import type { StoredAnswers } from '../responses/check-answers';

/** What a pending anonymous response holds, sealed. */
export interface SealedResponse {
  answers: StoredAnswers;
  atoms: string[];
  district: string | null;
  receiptHash: string | null;
  submittedAt: string;
  updatedAt: string;
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals pending anonymous responses with a key derived from PSEUDONYM_SECRET (HKDF, its own
 * label), so someone who reads the database, but not the configuration, cannot read them.
 */
@Injectable()
export class ResponseSeal {
  private readonly key: Buffer;

  constructor(auth: AuthConfig) {
    this.key = Buffer.from(hkdfSync('sha256', auth.pseudonymSecret, Buffer.alloc(0), 'polity:survey-pending-response', 32));
  }

  seal(response: SealedResponse): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(JSON.stringify(response), 'utf8'), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer): SealedResponse {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    return JSON.parse(text) as SealedResponse;
  }

  /** Finds a pending response by its receipt without storing anything the released row also holds. */
  receiptKey(receipt: string): string {
    return createHmac('sha256', this.key).update(`receipt:${receipt}`).digest('base64url');
  }
}
