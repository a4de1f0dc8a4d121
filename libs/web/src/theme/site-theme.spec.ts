import { SiteConfig } from '@polity/platform';
import { contrastRatio } from './contrast';
import { SiteTheme } from './site-theme';

describe('SiteTheme', () => {
  it('measures contrast as WCAG 2.1 does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('turns an accessible brand colour into the components’ tokens', () => {
    expect(new SiteTheme(new SiteConfig('Town', 'en', '#1d4f91')).css).toContain('--utrecht-link-color: #1d4f91;');
  });

  it('refuses a brand colour that white text, or links on white, could not be read on', () => {
    expect(() => new SiteTheme(new SiteConfig('Town', 'en', '#ffcc00'))).toThrow(/SITE_BRAND_COLOUR #ffcc00 has a contrast of 1\.\d+:1/);
  });
});
