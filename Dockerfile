# The bot as one image: production dependencies only, the bundle built here, run as `npm start` runs it.
FROM node:20-slim

ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY scripts/build.mjs scripts/bundle-options.json scripts/
COPY src src
COPY adapters adapters
COPY migrations migrations
RUN node scripts/build.mjs

# PGlite's files, when no DATABASE_URL is given (a trial); production uses PostgreSQL.
RUN mkdir -p /data && chown node:node /data
USER node

EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# The bot finishes the requests in flight and closes the database on SIGTERM, within 10 s.
STOPSIGNAL SIGTERM
CMD ["node", "--wasm-tiering-budget=1000000000", "--wasm-num-compilation-tasks=0", "--enable-source-maps", "dist/main.mjs"]
