export * from './notifications.module';
export { NOTIFICATIONS_MIGRATIONS } from './migrations';
