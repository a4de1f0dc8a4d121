export { AdminPagesModule } from './admin.module';
