import { defineCatalogue } from '@polity/web';

/** The words of the council's part of the site (its own pages come with the next part of the site). */
export const COUNCIL_MESSAGES = defineCatalogue({
  en: {
    'council.home.title': 'Next council meetings',
    'council.home.when': '{date}, {place}',
    'council.home.live': 'Live now',
    'council.home.streamed': 'Streamed live',
  },
  fr: {
    'council.home.title': 'Prochaines séances du conseil',
    'council.home.when': '{date}, {place}',
    'council.home.live': 'En direct',
    'council.home.streamed': 'Diffusée en direct',
  },
});
