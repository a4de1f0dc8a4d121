import { CreateNotifications1795400000800 } from './1795400000800-create-notifications.migration';

export const NOTIFICATIONS_MIGRATIONS = [CreateNotifications1795400000800];
