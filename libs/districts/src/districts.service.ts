import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Problems } from '@polity/platform';
import { Repository } from 'typeorm';
import { DistrictEntity } from './district.entity';
import type { DistrictDto } from './districts.dto';

@Injectable()
export class DistrictsService {
  constructor(@InjectRepository(DistrictEntity) private readonly districts: Repository<DistrictEntity>) {}

  async list(): Promise<DistrictDto[]> {
    const rows = await this.districts.find({ order: { name: 'ASC' } });
    return rows.map(({ code, name }) => ({ code, name }));
  }

  async save(code: string, name: string): Promise<DistrictDto> {
    await this.districts.upsert({ code, name }, ['code']);
    return { code, name };
  }

  /** Items already filed under the district keep its code; it just cannot be chosen any more. */
  async remove(code: string): Promise<void> {
    const result = await this.districts.delete({ code });
    if (!result.affected) throw Problems.notFound('That district');
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
