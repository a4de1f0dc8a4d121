import { defineCatalogue } from '@polity/web';

/** The words of the budgets' part of the site (their own pages come with the next part of the site). */
export const BUDGETS_MESSAGES = defineCatalogue({
  en: {
    'budgets.home.title': 'Budgets open for your vote',
    'budgets.home.closes': 'Voting closes {date}',
    'budgets.home.open': 'Voting is open',
  },
  fr: {
    'budgets.home.title': 'Budgets ouverts à votre vote',
    'budgets.home.closes': 'Le vote se termine le {date}',
    'budgets.home.open': 'Le vote est ouvert',
  },
});
