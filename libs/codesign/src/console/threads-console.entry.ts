import { Injectable } from '@nestjs/common';
import { StaffConsole, type StaffConsoleEntry, type StaffConsoleProvider, type Translator } from '@polity/web';
import { THREADS_CONSOLE_MESSAGES } from './threads-console.messages';
import { THREADS_CONSOLE } from './threads-console.page';

@StaffConsole({ order: 35 })
@Injectable()
export class ThreadsConsoleEntry implements StaffConsoleProvider {
  readonly catalogue = THREADS_CONSOLE_MESSAGES;
  readonly roles = ['official'] as const;

  entries(t: Translator): StaffConsoleEntry[] {
    return [{ href: THREADS_CONSOLE, title: t.t('tc.entry.title'), description: t.t('tc.entry.description') }];
  }
}
