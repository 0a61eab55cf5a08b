# One image for the four subgraphs and the gateway; docker-compose.yml picks the entry point of each.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
# turbo runs every workspace's build: tsc to dist/ for the services, and `vite build` for @cgov/console
# (console/dist, which the gateway serves at /; the image is refused without it).
RUN npm ci && npx turbo run build && test -f console/dist/index.html && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Everything built, console/dist included (the gateway finds it beside gateway/dist; CONSOLE_DIR may move it).
COPY --from=build /app /app
USER node
