import { Injectable } from '@nestjs/common';
import { StaffConsole, type StaffConsoleEntry, type StaffConsoleProvider, type Translator } from '@polity/web';
import { SURVEYS_CONSOLE } from './survey-nav';
import { SURVEYS_CONSOLE_MESSAGES } from './surveys-console.messages';

@StaffConsole({ order: 32 })
@Injectable()
export class SurveysConsoleEntry implements StaffConsoleProvider {
  readonly catalogue = SURVEYS_CONSOLE_MESSAGES;
  readonly roles = ['official'] as const;

  entries(t: Translator): StaffConsoleEntry[] {
    return [{ href: SURVEYS_CONSOLE, title: t.t('sc.entry.title'), description: t.t('sc.entry.description') }];
  }
}
