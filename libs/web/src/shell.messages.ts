import { defineCatalogue } from './i18n/catalogue';

/** The words of the site's frame: header, navigation, footer, language switcher, home page. */
export const SHELL_MESSAGES = defineCatalogue({
  en: {
    'shell.skipLink': 'Skip to main content',
    'shell.nav.label': 'Main',
    'shell.nav.home': 'Home',
    'shell.nav.proposals': 'Proposals',
    'shell.language.label': 'Language',
    'shell.language.current': '{language} (current language)',
    'shell.footer.apiDocs': 'Open API documentation',
    'shell.footer.poweredBy': 'Runs on Polity, open-source software for citizen participation.',
    'shell.title': '{page} – {site}',
    'home.title': 'What is going on',
    'home.intro': 'What {site} is deciding now, and where you can take part.',
    'home.nothingOpen': 'Nothing is open for participation at the moment.',
    'error.notFound.title': 'Page not found',
    'error.notFound.body': 'There is no page at this address. It may have been moved, or it is not public.',
    'error.backHome': 'Go to the home page',
    'form.errorSummary': '{count, plural, one {There is a problem} other {There are # problems}}',
    'shell.account.signIn': 'Sign in',
    'shell.account.signOut': 'Sign out',
    'shell.account.label': 'Your account',
    'shell.account.notifications': 'Notifications',
    'shell.account.unread': '{count, plural, =0 {} other {# unread}}',
  },
  fr: {
    'shell.skipLink': 'Aller au contenu principal',
    'shell.nav.label': 'Principale',
    'shell.nav.home': 'Accueil',
    'shell.nav.proposals': 'Propositions',
    'shell.language.label': 'Langue',
    'shell.language.current': '{language} (langue actuelle)',
    'shell.footer.apiDocs': 'Documentation de l’API ouverte',
    'shell.footer.poweredBy': 'Fonctionne avec Polity, un logiciel libre de participation citoyenne.',
    'shell.title': '{page} – {site}',
    'home.title': 'Ce qui se passe',
    'home.intro': 'Ce que {site} décide en ce moment, et où vous pouvez participer.',
    'home.nothingOpen': 'Rien n’est ouvert à la participation pour le moment.',
    'error.notFound.title': 'Page introuvable',
    'error.notFound.body': 'Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée, ou elle n’est pas publique.',
    'error.backHome': 'Aller à la page d’accueil',
    'form.errorSummary': '{count, plural, one {Il y a un problème} other {Il y a # problèmes}}',
    'shell.account.signIn': 'Se connecter',
    'shell.account.signOut': 'Se déconnecter',
    'shell.account.label': 'Votre compte',
    'shell.account.notifications': 'Notifications',
    'shell.account.unread': '{count, plural, =0 {} one {# non lue} other {# non lues}}',
  },
});

/** Each language's name in itself, for the switcher. */
export const LANGUAGE_NAMES = { en: 'English', fr: 'Français' } as const;
