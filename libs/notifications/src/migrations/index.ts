import { AddNotificationParams1795400000940 } from './1795400000940-add-notification-params.migration';
import { AddMeetingStartedKind1795400000950 } from './1795400000950-add-meeting-started-kind.migration';
import { CreateNotifications1795400000800 } from './1795400000800-create-notifications.migration';

export const NOTIFICATIONS_MIGRATIONS = [
  CreateNotifications1795400000800,
  AddNotificationParams1795400000940,
  AddMeetingStartedKind1795400000950,
];
