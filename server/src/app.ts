import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import compress from '@fastify/compress';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppInstance } from './app.types.js';
import type { PlatformDeps } from './platform/deps.js';
import { authPlugin } from './platform/auth/auth-plugin.js';
import { platformError } from './platform/errors/platform.errors.js';
import { errorHandlerPlugin, sendError } from './platform/errors/error-handler.js';
import { errorResponsesPlugin } from './platform/errors/error-responses.js';
import { rateLimitPlugin, rateStoreFor } from './platform/http/rate-limit.js';
import { installValidators } from './platform/http/validation.js';
import { buildSharedSerializer } from './platform/http/serializers.js';
import { webDistFolder } from './platform/paths.js';
import { controlCharsPlugin } from './platform/http/control-chars.js';
import { securityPlugin } from './platform/http/security.js';
import { smallResponsesPlugin } from './platform/http/small-responses.js';
import { createServices, registeredModules } from './services.js';

export type BuildOptions = PlatformDeps & { logger?: boolean };

/** Builds the app: external plugins → platform plugins → modules (the order Fastify recommends). */
export async function buildApp(opts: BuildOptions): Promise<AppInstance> {
  const { logger, ...deps } = opts;
  const app = Fastify({
    logger: logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    schemaController: { compilersFactory: { buildSerializer: buildSharedSerializer } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as AppInstance;

  // every route as registered, for the test that checks each one is in the OpenAPI document
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });

  // external plugins
  // phones on mobile data: the web bundle and large JSON lists go out compressed
  // an API answer in memory is compressed in one call (small-responses.ts); streams go through the plugin
  await app.register(smallResponsesPlugin, { threshold: 1024, maxBytes: 256 * 1024 });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await app.register(securityPlugin, { hsts: deps.config.secureCookies });
  await app.register(multipart, { limits: { fileSize: 8 * 1024 * 1024 + 1, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Lianxin 连心 API', version: '0.1.0', description: 'Party-building-led community volunteer service platform' },
      // relative: the document describes whichever server serves it
      servers: [{ url: '/' }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lx_session' } } },
      security: [{ session: [] }],
    },
    // shared schemas (ErrorBody) keep their own name in components.schemas instead of def-N
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // platform
  installValidators(app);
  app.decorate('deps', deps);
  app.decorate('services', createServices(deps));
  // the callers and needs' pages this instance keeps between requests (and, on PostgreSQL, the listening connection they share)
  app.addHook('onClose', () => Promise.all([app.services.auth.close(), app.services.needs.close(), app.services.categories.close(), app.services.regions.close(), app.services.teams.close(), app.services.board.close(), app.services.ledger.closePointsTotals()]).then(() => undefined));
  await app.register(errorHandlerPlugin);
  await app.register(errorResponsesPlugin);
  await app.register(controlCharsPlugin);
  await app.register(authPlugin, { resolveSession: (value, request) => app.services.auth.resolveSession(value, { ip: request.ip, userAgent: request.headers['user-agent'] }) });
  await app.register(rateLimitPlugin, {
    userWritesPerMinute: deps.config.writeLimitPerMinute,
    ipWritesPerMinute: deps.config.ipWriteLimitPerMinute,
    loginPerMinute: deps.config.loginLimitPerMinute,
    heavyReadsPerMinute: deps.config.heavyReadLimitPerMinute,
    store: rateStoreFor(deps.config.rateStore, deps.database),
  });

  // modules (the registry: modules.ts), in the order listed there
  for (const m of registeredModules) if (m.routes) await app.register(m.routes);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await serveWeb(app, deps.config.webDist);
  return app;
}

/**
 * The built asset an address asks for, relative to web/dist: one under /assets/, where a build writes
 * its new (hashed) files; the other files keep their names from build to build. A page's address may
 * hold a dot too (a card's verification code), so a dot alone says nothing.
 */
function builtFile(url: string): string | undefined {
  const pathname = url.split(/[?#]/)[0]!;
  if (!pathname.startsWith('/assets/')) return undefined;
  try {
    return decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
}

/** The built web app (back office and /h5) from the same server; unknown /api paths stay JSON 404s. */
async function serveWeb(app: AppInstance, webDist?: string) {
  const dist = webDist ?? webDistFolder;
  const index = path.join(dist, 'index.html');
  // the same page for the phone's addresses, asking at once for the phone kit too (web/vite.config.ts)
  const phoneIndex = path.join(dist, 'h5.html');
  const hasWeb = fs.existsSync(index);
  const hasPhoneIndex = fs.existsSync(phoneIndex);
  // vite build writes a brotli (quality 11) and a gzip (level 9) copy beside each asset (web/vite.config.ts
  // `precompress`): sent as they are, smaller than compressing on the fly and no CPU per request. Files
  // under assets/ carry their content's hash in their name, so a phone keeps them for a year; the rest
  // (sw.js, the manifest, icons) is revalidated each time.
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => {
        const hashed = path.relative(dist, file).split(path.sep)[0] === 'assets';
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    const file = !isApi && hasWeb && request.method === 'GET' ? builtFile(request.url) : undefined;
    if (file !== undefined) {
      // a file this server did not list at start-up: web/dist rebuilt under it (a second process building
      // in the same checkout). Its new pages ask for new assets: served from disk, or a 404 — answered with
      // the page's HTML, a script left the page blank until a restart
      const full = path.resolve(dist, file);
      if (full.startsWith(path.resolve(dist) + path.sep) && fs.statSync(full, { throwIfNoEntry: false })?.isFile()) return reply.sendFile(file);
      return sendError(request, reply, platformError('route.not_found'));
    }
    if (!isApi && hasWeb && request.method === 'GET') {
      const phone = hasPhoneIndex && /^\/h5(\/|\?|$)/.test(request.url);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(fs.createReadStream(phone ? phoneIndex : index));
    }
    return sendError(request, reply, platformError('route.not_found'));
  });
}
