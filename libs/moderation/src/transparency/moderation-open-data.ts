import { Injectable } from '@nestjs/common';
import { type OpenDataPublisher, OpenDataSource, type OpenDataTable } from '@polity/platform';

/** The public moderation log, as served at /moderation/log: no person, no text, no content id. */
@OpenDataSource('moderation')
@Injectable()
export class ModerationOpenData implements OpenDataPublisher {
  tables(): OpenDataTable[] {
    return [
      {
        name: 'moderation_log',
        title: 'Moderation log',
        description: 'Every hold, removal, restoration, dismissal, block and appeal outcome, without people or text.',
        primaryKey: ['id'],
        fields: [
          { name: 'id', type: 'string', description: 'Entry id' },
          { name: 'occurred_at', type: 'datetime', description: 'When' },
          { name: 'content_kind', type: 'string', description: 'Kind of content' },
          { name: 'reason', type: 'string', description: 'Reason category' },
          { name: 'action', type: 'string', description: 'What was done' },
          { name: 'origin', type: 'string', description: 'screening, report or moderator' },
          { name: 'rules', type: 'string', description: 'Screening rules that fired, separated by semicolons' },
        ],
        sql: `SELECT id, occurred_at, content_kind, reason, action, origin, array_to_string(rules, ';') AS rules
              FROM moderation_log_entry ORDER BY occurred_at, id`,
      },
    ];
  }
}
