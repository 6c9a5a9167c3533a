// graphql-ws publishes its `ws` adapter as the subpath export `graphql-ws/use/ws`, which the
// workspace's `moduleResolution: node` cannot see; Node resolves it at run time. Its types, by file:
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
