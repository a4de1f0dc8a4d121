import { DiscoveryService } from '@nestjs/core';
import type { Role } from '@polity/contracts';
import type { Catalogue } from '../i18n/catalogue';
import type { Translator } from '../i18n/translator';

/** One console on the staff desk's front page: where it is, what it is for, and for whom. */
export interface StaffConsoleEntry {
  href: string;
  title: string;
  description: string;
}

/**
 * A feature's consoles, as the staff desk lists them: each feature registers its own, so the desk
 * lists every console its reader may open without the web library knowing any feature.
 */
export interface StaffConsoleProvider {
  readonly catalogue: Catalogue;
  /** Who may open these consoles (admins always may). */
  readonly roles: readonly Role[];
  entries(t: Translator): StaffConsoleEntry[];
}

/** Marks a provider as a staff desk entry; entries appear by ascending `order`. */
export const StaffConsole = DiscoveryService.createDecorator<{ order: number }>();
