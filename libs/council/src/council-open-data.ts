import { Injectable } from '@nestjs/common';
import { type OpenDataPublisher, OpenDataSource, type OpenDataTable } from '@polity/platform';

/** Meetings, agenda items with what they concern, and decisions with their votes (councillors act in public office). */
@OpenDataSource('council')
@Injectable()
export class CouncilOpenData implements OpenDataPublisher {
  tables(): OpenDataTable[] {
    return [
      {
        name: 'meetings',
        title: 'Council meetings',
        description: 'Meetings of the council and its committees.',
        primaryKey: ['id'],
        fields: [
          { name: 'id', type: 'string', description: 'Meeting id' },
          { name: 'body', type: 'string', description: 'The deciding body' },
          { name: 'title', type: 'string', description: 'Title' },
          { name: 'place', type: 'string', description: 'Place' },
          { name: 'scheduled_at', type: 'datetime', description: 'Scheduled start' },
          { name: 'status', type: 'string', description: 'scheduled, live, adjourned, ended or cancelled' },
          { name: 'stream_url', type: 'string', description: 'Live stream address' },
          { name: 'recording_url', type: 'string', description: 'Recording address' },
          { name: 'minutes', type: 'string', description: 'Minutes (Markdown)' },
          { name: 'started_at', type: 'datetime', description: 'Started' },
          { name: 'ended_at', type: 'datetime', description: 'Ended' },
          { name: 'cancellation_reason', type: 'string', description: 'Why the meeting was called off (cancelled meetings only)' },
        ],
        sql: `SELECT id, body, title, place, scheduled_at, status, stream_url, recording_url, minutes, started_at, ended_at,
                     cancellation_reason
              FROM council_meeting ORDER BY scheduled_at, id`,
      },
      {
        name: 'agenda_items',
        title: 'Agenda items',
        description: 'Agenda items in order, with the proposals, budgets, projects, surveys and threads they concern.',
        primaryKey: ['id'],
        fields: [
          { name: 'id', type: 'string', description: 'Item id' },
          { name: 'meeting_id', type: 'string', description: 'Meeting id' },
          { name: 'position', type: 'integer', description: 'Order on the agenda' },
          { name: 'title', type: 'string', description: 'Title' },
          { name: 'status', type: 'string', description: 'pending, open or closed' },
          { name: 'links', type: 'object', description: 'What it concerns: [{"kind","id"}] (JSON)' },
        ],
        sql: `SELECT i.id, i.meeting_id, i.position, i.title, i.status,
                     coalesce((SELECT jsonb_agg(jsonb_build_object('kind', l.kind, 'id', l.resource_id) ORDER BY l.position)
                               FROM council_agenda_link l WHERE l.agenda_item_id = i.id), '[]'::jsonb) AS links
              FROM council_agenda_item i ORDER BY i.meeting_id, i.position, i.id`,
      },
      {
        name: 'decisions',
        title: 'Council decisions',
        description: 'Decisions as they stand after any correction (revision > 1 means corrected; the API shows every correction).',
        primaryKey: ['id'],
        fields: [
          { name: 'id', type: 'string', description: 'Decision id' },
          { name: 'meeting_id', type: 'string', description: 'Meeting id' },
          { name: 'agenda_item_id', type: 'string', description: 'Agenda item id' },
          { name: 'outcome', type: 'string', description: 'approved, rejected, amended or deferred' },
          { name: 'text', type: 'string', description: 'What was decided' },
          { name: 'votes_for', type: 'integer', description: 'Votes for' },
          { name: 'votes_against', type: 'integer', description: 'Votes against' },
          { name: 'votes_abstain', type: 'integer', description: 'Abstentions' },
          { name: 'roll_call', type: 'object', description: 'Votes by councillor, for roll-call votes (JSON)' },
          { name: 'proposal_status', type: 'string', description: 'The status it set on the proposals it concerns' },
          { name: 'revision', type: 'integer', description: '1, or more after corrections' },
          { name: 'decided_at', type: 'datetime', description: 'When it was recorded' },
          { name: 'corrected_at', type: 'datetime', description: 'Last correction' },
        ],
        sql: `SELECT id, meeting_id, agenda_item_id, outcome, text, votes_for, votes_against, votes_abstain, roll_call, proposal_status,
                     revision, decided_at, corrected_at
              FROM council_decision ORDER BY decided_at, id`,
      },
    ];
  }
}
