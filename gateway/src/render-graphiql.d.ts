// The package's typings/graphiql.d.ts: with moduleResolution "node", TypeScript does not read the
// package's `exports`, which map this subpath (Node and Jest do).
declare module '@graphql-yoga/render-graphiql/graphiql' {
  export const js: string;
  export const css: string;
  export const favicon: string;
  export const editorWorkerService: string;
  export const jsonWorker: string;
  export const graphqlWorker: string;
}
