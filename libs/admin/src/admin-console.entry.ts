import { Injectable } from '@nestjs/common';
import { StaffConsole, type StaffConsoleEntry, type StaffConsoleProvider, type Translator } from '@polity/web';
import { ADMIN_CONSOLE_MESSAGES } from './admin-console.messages';
import { ADMIN_CONSOLE } from './admin-nav';

@StaffConsole({ order: 90 })
@Injectable()
export class AdminConsoleEntry implements StaffConsoleProvider {
  readonly catalogue = ADMIN_CONSOLE_MESSAGES;
  readonly roles = ['admin'] as const;

  entries(t: Translator): StaffConsoleEntry[] {
    return [{ href: `${ADMIN_CONSOLE}/users`, title: t.t('ac.entry.title'), description: t.t('ac.entry.description') }];
  }
}
