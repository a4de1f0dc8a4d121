import { defineCatalogue } from '@polity/web';

/** The words of the co-design threads' part of the site (their own pages come with the next part of the site). */
export const CODESIGN_MESSAGES = defineCatalogue({
  en: {
    'codesign.home.title': 'Services being designed with residents',
    'codesign.home.stage': '{service} · now: {stage}',
    'codesign.home.posts': '{count, plural, =0 {No contributions yet} one {# contribution} other {# contributions}}',
  },
  fr: {
    'codesign.home.title': 'Services conçus avec les habitants',
    'codesign.home.stage': '{service} · étape : {stage}',
    'codesign.home.posts': '{count, plural, =0 {Aucune contribution} one {# contribution} other {# contributions}}',
  },
});
