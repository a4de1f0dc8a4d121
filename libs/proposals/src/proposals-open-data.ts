import { Injectable } from '@nestjs/common';
import { type OpenDataPublisher, OpenDataSource, type OpenDataTable } from '@polity/platform';

/** Visible proposals and their daily support counts; authors as pseudonyms, supporters never. */
@OpenDataSource('proposals')
@Injectable()
export class ProposalsOpenData implements OpenDataPublisher {
  tables(): OpenDataTable[] {
    return [
      {
        name: 'proposals',
        title: 'Proposals',
        description: 'Proposals residents made, as published (held or hidden ones are left out).',
        primaryKey: ['id'],
        fields: [
          { name: 'id', type: 'string', description: 'Proposal id (UUID)' },
          { name: 'title', type: 'string', description: 'Title' },
          { name: 'body', type: 'string', description: 'Text (plain text or Markdown)' },
          { name: 'tags', type: 'string', description: 'Tags, separated by semicolons' },
          { name: 'district', type: 'string', description: 'District code, if any' },
          { name: 'status', type: 'string', description: 'published, evaluating, accepted, rejected, implemented or withdrawn' },
          { name: 'author', type: 'string', description: 'The author as a stable pseudonym', pseudonym: 'author' },
          { name: 'support_count', type: 'integer', description: 'Supports when the snapshot was taken' },
          { name: 'answer', type: 'string', description: "The council's answer, if any" },
          { name: 'answered_at', type: 'datetime', description: 'When it was answered' },
          { name: 'created_at', type: 'datetime', description: 'When it was published' },
        ],
        sql: `SELECT p.id, p.title, p.body, array_to_string(p.tags, ';') AS tags, p.district, p.status, p.author_id AS author,
                     -- The tally's shards, written with each support in its transaction: the same count, without reading every support.
                     (SELECT coalesce(sum(t.supports), 0)::int FROM proposal_support_tally t WHERE t.proposal_id = p.id) AS support_count,
                     p.answer_text AS answer, p.answered_at, p.created_at
              FROM proposal p WHERE p.moderation_state = 'visible' ORDER BY p.created_at, p.id`,
      },
      {
        name: 'proposal_supports_daily',
        title: 'Supports per proposal per day',
        description: 'How many supports each visible proposal received each day (UTC). Supporters are not published.',
        primaryKey: ['proposal_id', 'day'],
        fields: [
          { name: 'proposal_id', type: 'string', description: 'Proposal id' },
          { name: 'day', type: 'date', description: 'Day (UTC)' },
          { name: 'supports', type: 'integer', description: 'Supports given that day and still standing' },
        ],
        sql: `SELECT s.proposal_id, ((s.created_at AT TIME ZONE 'UTC')::date)::text AS day, count(*)::int AS supports
              FROM proposal_support s JOIN proposal p ON p.id = s.proposal_id AND p.moderation_state = 'visible'
              GROUP BY 1, 2 ORDER BY 1, 2`,
      },
    ];
  }
}
