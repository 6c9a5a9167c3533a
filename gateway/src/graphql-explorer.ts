import type { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { BrowserPage, installedPackage, jsonForScript } from './browser-page';

const PACKAGE = '@graphql-yoga/render-graphiql';

type GraphiQLOptions = NonNullable<Parameters<typeof renderGraphiQL>[0]>;

const DEFAULT_QUERY = `# The gateway answers only a caller with a token: put yours in Headers below
# ({"authorization": "Bearer <token>"}; npm run -s token -- --role caseworker mints one for npm start).
query CaseTypes {
  caseTypes {
    id
    name
  }
}
`;

/**
 * GraphiQL at /graphql for a browser, from npm: The Guild's build of GraphiQL 5 with its Monaco editor
 * workers (`@graphql-yoga/render-graphiql`, which Yoga and Hive Gateway serve), each piece served by the
 * gateway as a file of its own instead of the one 9 MB page the package renders. Loaded when a browser
 * first asks for it, so a gateway whose explorer is off, or that nobody opened it on, never holds it.
 */
export function graphqlExplorer(endpoint: string): BrowserPage {
  const assetsPath = `${endpoint}/explorer/${installedPackage(PACKAGE).version}`;
  const options: GraphiQLOptions = {
    endpoint,
    title: 'Courts and tribunals service centre: GraphQL explorer',
    defaultQuery: DEFAULT_QUERY,
    headers: '{\n  "authorization": "Bearer "\n}',
    defaultEditorToolsVisibility: 'headers',
  };
  const script = (body: string) => ({ type: 'text/javascript', body: Buffer.from(body) });
  return {
    path: endpoint,
    assetsPath,
    onlyWhenHtmlPreferred: true,
    assets: async () => {
      const graphiql = await import('@graphql-yoga/render-graphiql/graphiql');
      return {
        'graphiql.js': script(graphiql.js),
        'graphiql.css': { type: 'text/css', body: Buffer.from(graphiql.css) },
        'favicon.ico': { type: 'image/x-icon', body: Buffer.from(graphiql.favicon.split(',')[1] ?? '', 'base64') },
        'editor.worker.js': script(graphiql.editorWorkerService),
        'json.worker.js': script(graphiql.jsonWorker),
        'graphql.worker.js': script(graphiql.graphqlWorker),
        'start.js': script(START),
      };
    },
    html: `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${options.title}</title>
    <link rel="icon" href="${assetsPath}/favicon.ico" />
    <link rel="stylesheet" href="${assetsPath}/graphiql.css" />
  </head>
  <body class="no-focus-outline">
    <div id="root"></div>
    <script type="application/json" id="explorer-options">${jsonForScript(options)}</script>
    <script src="${assetsPath}/graphiql.js"></script>
    <script src="${assetsPath}/start.js"></script>
  </body>
</html>
`,
  };
}

// The editor's workers come from the gateway too, beside this script (the package's own page makes them
// from inline blobs, which a content security policy without blob: would refuse).
const START = `(function () {
  var base = document.currentScript.src.replace(/start\\.js$/, '');
  var workers = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (_moduleId, label) {
      return base + workers[label];
    },
  };
  var options = JSON.parse(document.getElementById('explorer-options').textContent);
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
})();
`;
