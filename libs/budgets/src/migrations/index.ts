import { AddProjectModerationState1795400000740 } from './1795400000740-add-project-moderation-state.migration';
import { CreateBudgets1795400000600 } from './1795400000600-create-budgets.migration';

export const BUDGETS_MIGRATIONS = [CreateBudgets1795400000600, AddProjectModerationState1795400000740];
