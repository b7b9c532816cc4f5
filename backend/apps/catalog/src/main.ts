import type { INestMicroservice } from '@nestjs/common';
import type { AppConfig } from '@seatstorm/config';
import { startRpcService } from '@seatstorm/kafka';
import { CatalogModule } from './catalog.module';

export function startCatalog(config: AppConfig): Promise<INestMicroservice> {
  return startRpcService(CatalogModule.forRoot(config), config, 'catalog');
}
