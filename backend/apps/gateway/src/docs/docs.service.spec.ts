import { existsSync } from 'node:fs';
import { DomainError } from '@seatstorm/errors';
import { describe, expect, it } from 'vitest';
import { DocsService } from './docs.service';
import { DOCS_PAGE, DOCS_PAGE_CSP, DOCS_START_SCRIPT, SWAGGER_UI_ASSETS, SWAGGER_UI_START } from './swagger-ui';

const docs = new DocsService();

const errorCodeOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : error;
  }
  return 'no error';
};

describe('the docs page', () => {
  it('loads everything from the gateway itself: no CDN, no outside validator', () => {
    const urls = [...DOCS_PAGE.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^\/docs\/ui\//);
    expect(DOCS_START_SCRIPT).toContain("url: '/docs/openapi.json'");
    expect(DOCS_START_SCRIPT).toContain('validatorUrl: null');
    expect(DOCS_PAGE_CSP).toContain("script-src 'self'");
    expect(DOCS_PAGE_CSP).not.toMatch(/https?:/);
  });

  it('serves each file the page loads, from the installed swagger-ui-dist', () => {
    for (const name of SWAGGER_UI_ASSETS) {
      const asset = docs.asset(name);
      expect(asset.kind === 'file' && existsSync(asset.path)).toBe(true);
    }
    expect(docs.asset(SWAGGER_UI_START)).toEqual({ kind: 'script', body: DOCS_START_SCRIPT });
  });

  it('serves nothing else of the disk', () => {
    for (const name of ['index.html', '../package.json', '..%2Fpackage.json', 'swagger-ui-bundle.js.map']) {
      expect(errorCodeOf(() => docs.asset(name))).toBe('NOT_FOUND');
    }
  });

  it('builds each document once', () => {
    expect(docs.openApiDocument()).toBe(docs.openApiDocument());
    expect(docs.asyncApiDocument()).toBe(docs.asyncApiDocument());
  });
});
