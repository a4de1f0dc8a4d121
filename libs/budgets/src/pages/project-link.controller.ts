import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isUuid, Public } from '@polity/platform';
import { seeOther, Web, type WebRequest } from '@polity/web';
import type { Response } from 'express';
import { BudgetProjectsService } from '../projects/budget-projects.service';

/** `/budget-projects/<id>`, the address notifications and links give a project, leads to its page under its budget. */
@ApiExcludeController()
@Public()
@Controller('budget-projects')
export class ProjectLinkController {
  constructor(private readonly projects: BudgetProjectsService) {}

  @Get(':id')
  async go(@Web() web: WebRequest, @Param('id') id: string, @Res() response: Response): Promise<void> {
    const project = isUuid(id) ? await this.projects.get(id, web.principal).catch(() => null) : null;
    if (!project) throw new NotFoundException();
    seeOther(response, `/budgets/${project.budgetId}/projects/${project.id}`);
  }
}
