# syntax=docker/dockerfile:1
# Waakvlam bot image: build once, run as a non-root user on Node 20.
#   docker build -t waakvlam .
#   docker run -p 3978:3978 --env-file .env.production waakvlam
# NODE_ENV=production is set below: the bot refuses to start without MICROSOFT_APP_ID,
# MICROSOFT_APP_PASSWORD, COSMOS_ENDPOINT and ALLOWED_TENANTS (see docs/deploy.md).

ARG NODE_VERSION=20

# ---- build: full dependencies, compile TypeScript to dist/ ----
FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false
# .npmrc carries yes=true: botbuilder-dialogs' postinstall runs `npx rimraf` without a prompt.
COPY package.json package-lock.json .npmrc ./
# `npm ci` refuses a lock file that misses optional per-platform packages (the committed one lacks
# most of @swc/core's, see docs/deploy.md); then fall back to an install that keeps the locked versions.
RUN npm ci || npm install --no-audit --no-fund
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
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-old-space-size=256 \
    PORT=3978 \
    HOST=0.0.0.0 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json .npmrc ./
RUN (npm ci --omit=dev || npm install --omit=dev --no-audit --no-fund) && npm cache clean --force
COPY --from=build /app/dist ./dist

USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/index.js"]
