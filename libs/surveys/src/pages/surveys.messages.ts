import { defineCatalogue } from '@polity/web';

/** The words of the surveys' part of the site (their own pages come with the next part of the site). */
export const SURVEYS_MESSAGES = defineCatalogue({
  en: {
    'surveys.home.title': 'Surveys open now',
    'surveys.home.closes': 'Open until {date}',
    'surveys.home.residents': 'For verified residents',
  },
  fr: {
    'surveys.home.title': 'Sondages ouverts',
    'surveys.home.closes': 'Ouvert jusqu’au {date}',
    'surveys.home.residents': 'Réservé aux habitants vérifiés',
  },
});
