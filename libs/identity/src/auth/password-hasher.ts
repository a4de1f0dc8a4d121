import { Injectable } from '@nestjs/common';
import { AuthConfig } from '@polity/platform';
import * as argon2 from 'argon2';

/** argon2id; by default with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane), see PASSWORD_HASH_*. */
@Injectable()
export class PasswordHasher {
  private readonly options: argon2.HashOptions & { raw?: false };
  /** Verified against when an email is unknown, so a failed sign-in takes as long either way. */
  private readonly decoy: Promise<string>;

  constructor(config: AuthConfig) {
    this.options = {
      type: argon2.argon2id,
      memoryCost: config.passwordHash.memoryKib,
      timeCost: config.passwordHash.passes,
      parallelism: 1,
    };
    this.decoy = argon2.hash('polity-decoy-password', this.options);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}
