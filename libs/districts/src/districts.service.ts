import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Problems, recordAudit, UnitOfWork } from '@polity/platform';
import { Repository } from 'typeorm';
import { DistrictEntity } from './district.entity';
import type { DistrictDto } from './districts.dto';

@Injectable()
export class DistrictsService {
  constructor(
    @InjectRepository(DistrictEntity) private readonly districts: Repository<DistrictEntity>,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async list(): Promise<DistrictDto[]> {
    const rows = await this.districts.find({ order: { name: 'ASC' } });
    return rows.map(({ code, name }) => ({ code, name }));
  }

  async save(actorId: string, code: string, name: string): Promise<DistrictDto> {
    await this.unitOfWork.run(async (tx) => {
      const before = await tx.manager.findOneBy(DistrictEntity, { code });
      await tx.manager.upsert(DistrictEntity, { code, name }, ['code']);
      await recordAudit(tx, {
        actorId,
        action: 'district.saved',
        target: { kind: 'district', id: code },
        before: before ? { name: before.name } : null,
        after: { name },
      });
    });
    return { code, name };
  }

  /** Items already filed under the district keep its code; it just cannot be chosen any more. */
  async remove(actorId: string, code: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const before = await tx.manager.findOneBy(DistrictEntity, { code });
      if (!before) throw Problems.notFound('That district');
      await tx.manager.delete(DistrictEntity, { code });
      await recordAudit(tx, { actorId, action: 'district.removed', target: { kind: 'district', id: code }, before: { name: before.name } });
    });
  }

  /** 422 naming the field when a submitted district code is not one the admins manage. */
  async assertExists(code: string, field = 'district'): Promise<void> {
    if (!(await this.districts.existsBy({ code }))) {
      throw Problems.unprocessable('unknown_district', `${field} must be one of the districts listed at /api/v1/districts.`, [
        { field, rule: 'unknown_district', message: `${code} is not a district` },
      ]);
    }
  }
}
