import { defineCatalogue } from '@polity/web';

/** The words of the account pages. */
export const IDENTITY_MESSAGES = defineCatalogue({
  en: {
    'signIn.title': 'Sign in',
    'signIn.email': 'Email address',
    'signIn.password': 'Password',
    'signIn.submit': 'Sign in',
    'signIn.emailMissing': 'Enter your email address',
    'signIn.passwordMissing': 'Enter your password',
    'signIn.invalid': 'The email address or the password is not right',
    'signIn.tooMany': 'Too many attempts: wait a few minutes, then try again',
    'signIn.noAccount': 'No account yet? Registration opens on this site soon; meanwhile the app or the API registers you.',
  },
  fr: {
    'signIn.title': 'Se connecter',
    'signIn.email': 'Adresse e-mail',
    'signIn.password': 'Mot de passe',
    'signIn.submit': 'Se connecter',
    'signIn.emailMissing': 'Saisissez votre adresse e-mail',
    'signIn.passwordMissing': 'Saisissez votre mot de passe',
    'signIn.invalid': 'L’adresse e-mail ou le mot de passe n’est pas correct',
    'signIn.tooMany': 'Trop de tentatives : attendez quelques minutes, puis réessayez',
    'signIn.noAccount':
      'Pas encore de compte ? L’inscription ouvre bientôt sur ce site ; en attendant, l’application ou l’API vous inscrit.',
  },
});
