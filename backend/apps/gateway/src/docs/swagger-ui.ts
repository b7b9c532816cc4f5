import { dirname, join } from 'node:path';

/** The files of `swagger-ui-dist` the docs page loads, served by the gateway itself under /docs/ui/ (no CDN). */
export const SWAGGER_UI_ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png', 'favicon-16x16.png'] as const;
export type SwaggerUiAsset = (typeof SWAGGER_UI_ASSETS)[number];

/** Our start script, served beside the assets so that the page needs no inline script. */
export const SWAGGER_UI_START = 'start.js';

/** Where an asset of the installed `swagger-ui-dist` lies on disk. */
export function swaggerUiAssetPath(asset: SwaggerUiAsset): string {
  return join(dirname(require.resolve('swagger-ui-dist/package.json')), asset);
}

/**
 * The docs page may run scripts and load styles from the gateway only (Swagger
 * UI sets inline style attributes, and draws icons as data: images), and is
 * framed by no one, like every other answer of the gateway.
 */
export const DOCS_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Seatstorm API</title>
    <link rel="stylesheet" href="/docs/ui/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/docs/ui/favicon-32x32.png" sizes="32x32" />
    <link rel="icon" type="image/png" href="/docs/ui/favicon-16x16.png" sizes="16x16" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/ui/swagger-ui-bundle.js"></script>
    <script src="/docs/ui/${SWAGGER_UI_START}"></script>
  </body>
</html>
`;

/** Swagger UI on /docs/openapi.json; a token given under Authorize stays across reloads of the page. */
export const DOCS_START_SCRIPT = `window.ui = SwaggerUIBundle({
  url: '/docs/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  tryItOutEnabled: false,
  validatorUrl: null,
});
`;
