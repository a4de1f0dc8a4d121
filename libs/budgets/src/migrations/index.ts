import { CreateBudgets1795400000600 } from './1795400000600-create-budgets.migration';

export const BUDGETS_MIGRATIONS = [CreateBudgets1795400000600];
