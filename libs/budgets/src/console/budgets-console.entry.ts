import { Injectable } from '@nestjs/common';
import { StaffConsole, type StaffConsoleEntry, type StaffConsoleProvider, type Translator } from '@polity/web';
import { BUDGETS_CONSOLE_MESSAGES } from './budgets-console.messages';
import { BUDGETS_CONSOLE } from './budgets-console.page';

@StaffConsole({ order: 30 })
@Injectable()
export class BudgetsConsoleEntry implements StaffConsoleProvider {
  readonly catalogue = BUDGETS_CONSOLE_MESSAGES;
  readonly roles = ['official'] as const;

  entries(t: Translator): StaffConsoleEntry[] {
    return [{ href: BUDGETS_CONSOLE, title: t.t('bc.entry.title'), description: t.t('bc.entry.description') }];
  }
}
