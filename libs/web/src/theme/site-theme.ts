import { Injectable } from '@nestjs/common';
import { SiteConfig } from '@polity/platform';
import { AA_TEXT_CONTRAST, contrastRatio } from './contrast';

const WHITE = '#ffffff';

/**
 * The municipality's look as CSS custom properties over the NL Design System components' tokens.
 * The brand colour carries white text (header, buttons) and is the colour of links on white, so a
 * colour below AA contrast either way is refused at start rather than shipped.
 */
@Injectable()
export class SiteTheme {
  readonly css: string;

  constructor(private readonly site: SiteConfig) {
    const brand = site.brandColour;
    const ratio = contrastRatio(brand, WHITE);
    if (ratio < AA_TEXT_CONTRAST) {
      throw new Error(
        `SITE_BRAND_COLOUR ${brand} has a contrast of ${ratio.toFixed(2)}:1 with white; text needs at least ${AA_TEXT_CONTRAST}:1 (WCAG 2.1 AA). Choose a darker colour.`,
      );
    }
    this.css = [
      ':root {',
      `  --polity-brand: ${brand};`,
      `  --polity-on-brand: ${WHITE};`,
      `  --utrecht-link-color: ${brand};`,
      `  --utrecht-link-visited-color: ${brand};`,
      `  --utrecht-button-primary-action-background-color: ${brand};`,
      `  --utrecht-button-primary-action-color: ${WHITE};`,
      `  --utrecht-focus-outline-color: #000000;`,
      '}',
      '',
    ].join('\n');
  }
}
