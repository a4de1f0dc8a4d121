import { Injectable } from '@nestjs/common';
import { type OpenDataPublisher, OpenDataSource, type OpenDataTable } from '@polity/platform';

/** Threads, their visible posts (authors as pseudonyms) and stage changes with summaries. */
@OpenDataSource('codesign')
@Injectable()
export class CodesignOpenData implements OpenDataPublisher {
  tables(): OpenDataTable[] {
    return [
      {
        name: 'threads',
        title: 'Co-design threads',
        description: 'Threads in which residents and civil servants co-design a public service.',
        primaryKey: ['id'],
        fields: [
          { name: 'id', type: 'string', description: 'Thread id' },
          { name: 'title', type: 'string', description: 'Title' },
          { name: 'service_name', type: 'string', description: 'The public service' },
          { name: 'department', type: 'string', description: 'Responsible department' },
          { name: 'description', type: 'string', description: 'Description' },
          { name: 'stages', type: 'string', description: 'Stages, separated by semicolons' },
          { name: 'current_stage', type: 'string', description: 'Current stage' },
          { name: 'status', type: 'string', description: 'open or closed' },
          { name: 'created_at', type: 'datetime', description: 'Opened' },
        ],
        sql: `SELECT id, title, service_name, department, description, array_to_string(stages, ';') AS stages, current_stage, status, created_at
              FROM codesign_thread ORDER BY created_at, id`,
      },
      {
        name: 'thread_posts',
        title: 'Co-design posts',
        description: 'Visible posts and replies. Facilitators are officials; their posts are marked official.',
        primaryKey: ['id'],
        fields: [
          { name: 'id', type: 'string', description: 'Post id' },
          { name: 'thread_id', type: 'string', description: 'Thread id' },
          { name: 'parent_id', type: 'string', description: 'The post it replies to, if any' },
          { name: 'type', type: 'string', description: 'problem, idea, question, evidence or update (top-level posts)' },
          { name: 'body', type: 'string', description: 'Text' },
          { name: 'author', type: 'string', description: 'The author as a stable pseudonym', pseudonym: 'author' },
          { name: 'official', type: 'boolean', description: 'Written by a facilitator' },
          { name: 'answered', type: 'boolean', description: 'A question marked answered' },
          { name: 'stage', type: 'string', description: 'The stage when posted' },
          { name: 'supports', type: 'integer', description: 'Support reactions' },
          { name: 'me_too', type: 'integer', description: '"Me too" reactions' },
          { name: 'created_at', type: 'datetime', description: 'Posted' },
        ],
        sql: `SELECT id, thread_id, parent_id, type, body, author_id AS author, official, answered, stage, support_count AS supports,
                     me_too_count AS me_too, created_at
              FROM codesign_post WHERE moderation_state = 'visible' AND deleted_at IS NULL ORDER BY created_at, id`,
      },
      {
        name: 'thread_stage_changes',
        title: 'Co-design stage changes',
        description: "Each move of a thread to another stage, with the facilitators' summary of the stage it left.",
        primaryKey: ['id'],
        fields: [
          { name: 'id', type: 'string', description: 'Change id' },
          { name: 'thread_id', type: 'string', description: 'Thread id' },
          { name: 'from_stage', type: 'string', description: 'Stage left' },
          { name: 'to_stage', type: 'string', description: 'Stage entered' },
          { name: 'summary', type: 'string', description: 'Summary' },
          { name: 'created_at', type: 'datetime', description: 'When' },
        ],
        sql: 'SELECT id, thread_id, from_stage, to_stage, summary, created_at FROM codesign_stage_change ORDER BY created_at, id',
      },
    ];
  }
}
