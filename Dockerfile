# syntax=docker/dockerfile:1
# Waakvlam bot image: build once, run as a non-root user on Node 22 LTS (the code also runs on Node 20).
#   docker build -t waakvlam .
#   docker run -p 3978:3978 --env-file .env.production waakvlam
# NODE_ENV=production is set below: the bot refuses to start without MICROSOFT_APP_ID,
# MICROSOFT_APP_PASSWORD, COSMOS_ENDPOINT and ALLOWED_TENANTS (see docs/deploy.md).

# Node 22 LTS, as App Service (infra/main.bicep linuxFxVersion) and package.json engines.
ARG NODE_VERSION=22

# ---- build: full dependencies, compile TypeScript to dist/ ----
FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json .npmrc ./
# Exactly the lock file, or the build fails (no fallback that would hide drift). No install scripts:
# the only one in the tree that matters, botbuilder-dialogs' postinstall, fetches rimraf with npx
# to prune recognizer copies the bot never loads (docs/deploy.md, "The image").
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY cards ./cards
# src/bot/core/render-card.ts finds the templates at <dir of its .js>/../../../cards, i.e. dist/cards once compiled.
RUN npx tsc -p tsconfig.build.json && cp -r cards dist/cards

# ---- runtime: production dependencies and the compiled output only ----
FROM node:${NODE_VERSION}-slim AS runtime
WORKDIR /app
# The bot's live heap is ~80 MB; without a limit V8 keeps the heap it grew under load
# (docs/performance.md). `npm run bench` starts the bot with this NODE_OPTIONS, read from this file.
# App Service gets the same value as an app setting (infra/main.bicep, nodeOptions); a test keeps the two equal.
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-old-space-size=256 \
    PORT=3978 \
    HOST=0.0.0.0 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json .npmrc ./
# Production dependencies only (the embedded store, card SDK and packaging tools are devDependencies).
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist

USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/index.js"]
