import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AsyncApiDocument } from './asyncapi';
import { DocsService } from './docs.service';
import type { OpenApiDocument } from './openapi';
import { DOCS_PAGE, DOCS_PAGE_CSP } from './swagger-ui';

/** The API described: OpenAPI for REST, AsyncAPI for socket.io and Kafka, and Swagger UI to read the first. */
@Controller('docs')
export class DocsController {
  constructor(private readonly docs: DocsService) {}

  /** Swagger UI: the one page the gateway serves, so the one answer whose CSP lets scripts and styles load (from here only). */
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', DOCS_PAGE_CSP)
  page(): string {
    return DOCS_PAGE;
  }

  @Get('openapi.json')
  openApi(): OpenApiDocument {
    return this.docs.openApiDocument();
  }

  @Get('asyncapi.json')
  asyncApi(): AsyncApiDocument {
    return this.docs.asyncApiDocument();
  }

  @Get('ui/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const asset = this.docs.asset(file);
    if (asset.kind === 'script') res.type('text/javascript').send(asset.body);
    else res.sendFile(asset.path, { maxAge: '1d' });
  }
}
