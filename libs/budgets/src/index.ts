export * from './budgets.module';
export * from './budgets/budgets.service';
export * from './projects/budget-projects.service';
export * from './tallies/budget-tallies';
export * from './outcomes/outcomes.service';
export { BUDGETS_MIGRATIONS } from './migrations';
export { CreateBudgetDto } from './budgets/budgets.dto';
export { CreateBudgetProjectDto } from './projects/budget-projects.dto';
