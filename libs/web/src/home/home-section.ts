import { DiscoveryService } from '@nestjs/core';
import type { VNode } from 'preact';
import type { Catalogue } from '../i18n/catalogue';
import type { Translator } from '../i18n/translator';

/**
 * A feature's part of the home page ("what is open now"): each feature that has something open
 * registers one, so the home page lists every feature without the web library knowing any.
 */
export interface HomeSectionProvider {
  readonly catalogue: Catalogue;
  /** The section, or null when the feature has nothing open to show. */
  render(t: Translator): Promise<VNode | null>;
}

/** Marks a provider as a home page section; sections appear by ascending `order`. */
export const HomeSection = DiscoveryService.createDecorator<{ order: number }>();
