import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireRoles } from '@polity/platform';
import type { ScreeningSettings } from '../screening/screening-settings';
import {
  PolicyDto,
  PolicyInputDto,
  PolicyScopeParamsDto,
  ScreeningSettingsDto,
  TemplateDto,
  TemplateInputDto,
  TemplateKeyParamsDto,
} from './moderation-settings.dto';
import { ModerationSettingsService } from './moderation-settings.service';

@ApiTags('moderation')
@ApiBearerAuth()
@RequireRoles('moderator')
@Controller('moderation')
export class ModerationSettingsController {
  constructor(private readonly settings: ModerationSettingsService) {}

  /** Reads the screening rules. Moderators. */
  @Get('settings/screening')
  @ApiOkResponse({ type: ScreeningSettingsDto })
  screening(): Promise<ScreeningSettings> {
    return this.settings.screening();
  }

  /**
   * Replaces the screening rules: word list, links, repeats, rate and shouting, with their scores and the hold
   * score. Moderators.
   */
  @Put('settings/screening')
  @ApiOkResponse({ type: ScreeningSettingsDto })
  replaceScreening(@CurrentPrincipal() principal: Principal, @Body() body: ScreeningSettingsDto): Promise<ScreeningSettings> {
    return this.settings.replaceScreening(principal, body);
  }

  /** Lists the statement templates moderators choose from. */
  @Get('templates')
  @ApiOkResponse({ type: TemplateDto, isArray: true })
  templates(): Promise<TemplateDto[]> {
    return this.settings.listTemplates();
  }

  /** Creates or replaces a statement template under its key. Moderators. */
  @Put('templates/:key')
  @ApiOkResponse({ type: TemplateDto })
  putTemplate(
    @CurrentPrincipal() principal: Principal,
    @Param() params: TemplateKeyParamsDto,
    @Body() body: TemplateInputDto,
  ): Promise<TemplateDto> {
    return this.settings.putTemplate(principal, params.key, body);
  }

  /** Deletes a statement template. Moderators. */
  @Delete('templates/:key')
  @HttpCode(204)
  @ApiNoContentResponse()
  deleteTemplate(@CurrentPrincipal() principal: Principal, @Param() params: TemplateKeyParamsDto): Promise<void> {
    return this.settings.deleteTemplate(principal, params.key);
  }

  /** Lists the moderation policies (pre- or post-moderation per scope). Officials and moderators. */
  @RequireRoles('moderator', 'official')
  @Get('policies')
  @ApiOkResponse({ type: PolicyDto, isArray: true })
  policies(): Promise<PolicyDto[]> {
    return this.settings.listPolicies();
  }

  /** Pre- or post-moderation for everything (`*`), a kind of consultation, or one consultation. */
  @RequireRoles('moderator', 'official')
  @Put('policies/:scope')
  @ApiOkResponse({ type: PolicyDto })
  setPolicy(
    @CurrentPrincipal() principal: Principal,
    @Param() params: PolicyScopeParamsDto,
    @Body() body: PolicyInputDto,
  ): Promise<PolicyDto> {
    return this.settings.setPolicy(principal, params.scope, body.mode);
  }

  /** Removes a moderation policy: the scope falls back to the wider one. Officials and moderators. */
  @RequireRoles('moderator', 'official')
  @Delete('policies/:scope')
  @HttpCode(204)
  @ApiNoContentResponse()
  clearPolicy(@CurrentPrincipal() principal: Principal, @Param() params: PolicyScopeParamsDto): Promise<void> {
    return this.settings.clearPolicy(principal, params.scope);
  }
}
