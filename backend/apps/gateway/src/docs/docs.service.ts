import { Injectable } from '@nestjs/common';
import { DomainError } from '@seatstorm/errors';
import { API_ROUTES } from './api-routes';
import { buildAsyncApiDocument, type AsyncApiDocument } from './asyncapi';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi';
import { DOCS_START_SCRIPT, SWAGGER_UI_ASSETS, SWAGGER_UI_START, swaggerUiAssetPath, type SwaggerUiAsset } from './swagger-ui';

/** The version the documents carry: the backend's (a unit test keeps them equal). */
export const API_VERSION = '0.1.0';

export type DocsAsset = { kind: 'file'; path: string } | { kind: 'script'; body: string };

/** The API's descriptions, generated once from the contracts on first request, and the docs page's files. */
@Injectable()
export class DocsService {
  private openApi?: OpenApiDocument;
  private asyncApi?: AsyncApiDocument;

  openApiDocument(): OpenApiDocument {
    return (this.openApi ??= buildOpenApiDocument(API_ROUTES, API_VERSION));
  }

  asyncApiDocument(): AsyncApiDocument {
    return (this.asyncApi ??= buildAsyncApiDocument(API_VERSION));
  }

  /** A file of the docs page by its name under /docs/ui/; nothing else of the disk is reachable. */
  asset(name: string): DocsAsset {
    if (name === SWAGGER_UI_START) return { kind: 'script', body: DOCS_START_SCRIPT };
    if (!(SWAGGER_UI_ASSETS as readonly string[]).includes(name)) throw new DomainError('NOT_FOUND', `No docs file ${name}.`);
    return { kind: 'file', path: swaggerUiAssetPath(name as SwaggerUiAsset) };
  }
}
