import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DistrictEntity } from './district.entity';
import { DistrictsController } from './districts.controller';
import { DistrictsService } from './districts.service';

export const DISTRICTS_ENTITIES = [DistrictEntity];

@Module({ imports: [TypeOrmModule.forFeature(DISTRICTS_ENTITIES)], providers: [DistrictsService], exports: [DistrictsService] })
export class DistrictsModule {}

@Module({ imports: [DistrictsModule], controllers: [DistrictsController] })
export class DistrictsHttpModule {}
