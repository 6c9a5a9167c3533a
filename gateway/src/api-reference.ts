import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserPage, installedPackage, jsonForScript } from './browser-page';

/**
 * The partner API's reference page: Swagger UI's prebuilt bundle (`swagger-ui-dist`, which
 * @nestjs/swagger already installs at the same version) rendering the merged OpenAPI document, every
 * file served by the gateway. docs/decisions.md says why not Scalar or Redoc.
 */
export function apiReference(pagePath: string, documentUrl: string): BrowserPage {
  const swaggerUi = installedPackage('swagger-ui-dist');
  const assetsPath = `${pagePath}/${swaggerUi.version}`;
  const file = (name: string) => readFile(path.join(swaggerUi.dir, name));
  const options = {
    url: documentUrl,
    dom_id: '#reference',
    deepLinking: true,
    // Swagger UI would otherwise send the document to swagger.io's validator for a badge.
    validatorUrl: null,
    layout: 'BaseLayout',
  };
  return {
    path: pagePath,
    assetsPath,
    assets: async () => ({
      'swagger-ui-bundle.js': { type: 'text/javascript', body: await file('swagger-ui-bundle.js') },
      'swagger-ui.css': { type: 'text/css', body: await file('swagger-ui.css') },
      'favicon.png': { type: 'image/png', body: await file('favicon-32x32.png') },
      'start.js': { type: 'text/javascript', body: Buffer.from(START) },
    }),
    html: `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Courts and tribunals service centre: partner API reference</title>
    <link rel="icon" href="${assetsPath}/favicon.png" />
    <link rel="stylesheet" href="${assetsPath}/swagger-ui.css" />
  </head>
  <body>
    <div id="reference"></div>
    <script type="application/json" id="reference-options">${jsonForScript(options)}</script>
    <script src="${assetsPath}/swagger-ui-bundle.js"></script>
    <script src="${assetsPath}/start.js"></script>
  </body>
</html>
`,
  };
}

const START = `(function () {
  var options = JSON.parse(document.getElementById('reference-options').textContent);
  options.presets = [SwaggerUIBundle.presets.apis];
  window.ui = SwaggerUIBundle(options);
})();
`;
