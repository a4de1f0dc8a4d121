import { Injectable } from '@nestjs/common';
import { DistrictsService } from '@polity/districts';
import type { Place } from './budget-parts';

/** Districts by their names, as residents know them; budgets and ballots keep the codes. */
@Injectable()
export class DistrictPlaces {
  constructor(private readonly districts: DistrictsService) {}

  async place(): Promise<Place> {
    const names = new Map((await this.districts.list()).map((district) => [district.code, district.name]));
    return (code) => names.get(code) ?? code;
  }
}
