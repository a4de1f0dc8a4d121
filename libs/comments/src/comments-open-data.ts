import { Injectable } from '@nestjs/common';
import { DiscussableResources, type OpenDataPublisher, OpenDataSource, type OpenDataTable } from '@polity/platform';

/** Visible, undeleted comments on resources anyone can see; authors as pseudonyms. */
@OpenDataSource('comments')
@Injectable()
export class CommentsOpenData implements OpenDataPublisher {
  constructor(private readonly resources: DiscussableResources) {}

  tables(): OpenDataTable[] {
    return [
      {
        name: 'comments',
        title: 'Comments',
        description: 'Comments on proposals, budgets and projects. A reply whose parent is not published keeps its parent_id.',
        primaryKey: ['id'],
        fields: [
          { name: 'id', type: 'string', description: 'Comment id' },
          { name: 'resource_kind', type: 'string', description: 'What it comments on: proposals, budgets, budget-projects…' },
          { name: 'resource_id', type: 'string', description: 'The id of what it comments on' },
          { name: 'parent_id', type: 'string', description: 'The comment it replies to, if any' },
          { name: 'author', type: 'string', description: 'The author as a stable pseudonym', pseudonym: 'author' },
          { name: 'body', type: 'string', description: 'Text' },
          { name: 'alignment', type: 'string', description: 'in_favour, neutral or against, if given' },
          { name: 'upvotes', type: 'integer', description: 'Up votes' },
          { name: 'downvotes', type: 'integer', description: 'Down votes' },
          { name: 'created_at', type: 'datetime', description: 'When it was written' },
        ],
        sql: `SELECT id, kind AS resource_kind, resource_id, parent_id, author_id AS author, body, alignment, upvotes, downvotes, created_at
              FROM comment WHERE moderation_state = 'visible' AND deleted_at IS NULL ORDER BY created_at, id`,
        hiddenSubjects: {
          subject: `t.resource_kind || ':' || t.resource_id`,
          hidden: async (subjects) => {
            const shown = await Promise.all(
              subjects.map((subject) => {
                const [kind, id] = subject.split(':');
                return this.resources.titleOf(kind, id).then((title) => title !== null);
              }),
            );
            return subjects.filter((_, index) => !shown[index]);
          },
        },
      },
    ];
  }
}
