import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { StatusToken } from '../api/status.js';
import { buildApp } from '../app.js';
import { ImportScheduler } from '../import/scheduler.js';
import { ArticleRepository } from '../repository.js';
import { parseSitesFile } from '../sites-file.js';
import { settingsFromEnv } from '../start.js';
import { createHarness, DATABASES, SECRET, type Harness } from './harness.js';

const TOKEN = 'f3b1c0de9a8e7d6c5b4a39281706f5e4d3c2b1a0';

/** A feed address with a key in it, and a file on the server: neither is the public's to see. */
const SITES = parseSitesFile(`every = 1h
[xa-hoa-binh]
name = Xã Hòa Bình
source = rss https://xahoabinh.example.gov.vn/rss?key=k3y-of-the-feed
[xa-an-phu]
name = Xã An Phú
source = json /srv/portal-widgets/bi-mat/xa-an-phu.json
[xa-tan-phu]
name = Xã Tân Phú
`);

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Xã Hòa Bình</title>
<item><title>Tin 1</title><link>https://xahoabinh.example.gov.vn/tin-1-1.html</link>
<guid>https://xahoabinh.example.gov.vn/tin-1-1.html</guid><description>Tin.</description>
<pubDate>Mon, 07 Dec 2026 02:00:00 GMT</pubDate></item></channel></rss>`;

describe('the status token', () => {
  it('matches only the token itself, whatever the length of a guess', () => {
    const token = new StatusToken(TOKEN);
    assert.equal(token.matches(TOKEN), true);
    for (const guess of ['', 'x', TOKEN.slice(0, -1), `${TOKEN}0`, TOKEN.toUpperCase()]) {
      assert.equal(token.matches(guess), false, guess);
    }
    assert.equal(new StatusToken(undefined).matches(''), false, 'no token set: nothing matches');
  });

  it('is read from STATUS_TOKEN, and a short one stops the start, naming the fix', () => {
    assert.equal(settingsFromEnv({ STATUS_TOKEN: TOKEN }).statusToken, TOKEN);
    assert.equal(settingsFromEnv({}).statusToken, undefined);
    assert.throws(
      () => settingsFromEnv({ STATUS_TOKEN: 'hemmelig' }),
      /STATUS_TOKEN must be at least 32 characters.*openssl rand -hex 32/,
    );
  });
});

for (const database of DATABASES) {
  describe(`a site's status on ${database.name}`, () => {
    let harness: Harness;
    let noToken: FastifyInstance | undefined;
    let clock = Date.parse('2026-12-07T03:00:00Z');
    const logged: string[] = [];

    before(async () => {
      harness = await createHarness(database.url, { statusToken: TOKEN });
      await new ArticleRepository(harness.connection.db).saveSites(SITES);
      const scheduler = new ImportScheduler(harness.connection.db, {
        log: { info: (line) => logged.push(line), warn: (line) => logged.push(line) },
        fetch: (async () => new Response(FEED)) as unknown as typeof fetch,
        now: () => clock,
      });
      await scheduler.update(SITES);
      await scheduler.runDue();
      clock += 1000;
    });
    after(async () => {
      await noToken?.close();
      await harness.close();
    });

    const ask = (app: FastifyInstance, site: string, authorization?: string) =>
      app.inject({
        url: `/api/v1/sites/${site}/status`,
        headers: authorization === undefined ? {} : { authorization },
      });

    it('tells anyone whether a site is current, and nothing of where its sources are or what failed', async () => {
      const good = await ask(harness.app, 'xa-hoa-binh');
      assert.equal(good.statusCode, 200);
      assert.deepEqual(good.json(), {
        site: 'xa-hoa-binh',
        articles: 1,
        ok: true,
        lastSuccessAt: '2026-12-07T03:00:00.000Z',
      });
      const failing = await ask(harness.app, 'xa-an-phu');
      assert.deepEqual(failing.json(), {
        site: 'xa-an-phu',
        articles: 0,
        ok: false,
        lastSuccessAt: null,
      });
      for (const answer of [good, failing]) {
        assert.doesNotMatch(answer.body, /k3y|example\.gov\.vn|\/srv|bi-mat|ENOENT|rss|json /);
        assert.equal(answer.headers['cache-control'], 'no-store');
      }
      // A site with no source is current; its status says no more than that.
      assert.deepEqual((await ask(harness.app, 'xa-tan-phu')).json(), {
        site: 'xa-tan-phu',
        articles: 0,
        ok: true,
        lastSuccessAt: null,
      });
      // The operator still finds the failure, with its reason, in the log.
      assert.ok(
        logged.some((line) =>
          /Import xa-an-phu json \/srv\/portal-widgets\/bi-mat\/xa-an-phu\.json failed .*ENOENT/.test(
            line,
          ),
        ),
        logged.join('\n'),
      );
    });

    it('gives the operator each source, its address and its last error, with the token', async () => {
      const answer = await ask(harness.app, 'xa-an-phu', `Bearer ${TOKEN}`);
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.headers['cache-control'], 'private, no-store');
      const status = answer.json();
      assert.equal(status.ok, false);
      assert.equal(status.sources.length, 1);
      assert.equal(status.sources[0].source, 'json /srv/portal-widgets/bi-mat/xa-an-phu.json');
      assert.match(status.sources[0].lastError, /ENOENT/);
      assert.equal(status.sources[0].failures, 1);
      const good = (await ask(harness.app, 'xa-hoa-binh', `bearer  ${TOKEN}`)).json();
      assert.equal(
        good.sources[0].source,
        'rss https://xahoabinh.example.gov.vn/rss?key=k3y-of-the-feed',
      );
      assert.equal(good.sources[0].articleCount, 1);
    });

    it('refuses a wrong token, or another scheme, with 401 and no details', async () => {
      for (const authorization of [
        `Bearer ${TOKEN.slice(0, -1)}`,
        `Bearer ${TOKEN}x`,
        'Bearer ',
        `Basic ${Buffer.from(`operator:${TOKEN}`).toString('base64')}`,
        TOKEN,
      ]) {
        const answer = await ask(harness.app, 'xa-an-phu', authorization);
        assert.equal(answer.statusCode, 401, authorization);
        assert.equal(answer.json().error.code, 'invalid-token');
        assert.equal(answer.headers['www-authenticate'], 'Bearer realm="status"');
        assert.doesNotMatch(answer.body, /srv|ENOENT/);
      }
      // An unknown site is still the API's 404, token or not.
      assert.equal((await ask(harness.app, 'xa-khong-co', `Bearer ${TOKEN}`)).statusCode, 404);
    });

    it('gives no details at all on a server without STATUS_TOKEN: they are in its log', async () => {
      // The same database, served by an instance started without STATUS_TOKEN.
      noToken = await buildApp({ db: harness.connection.db, secret: SECRET, allowedOrigins: [] });
      const refused = await ask(noToken, 'xa-an-phu', `Bearer ${TOKEN}`);
      assert.equal(refused.statusCode, 401);
      assert.match(refused.json().error.message, /no STATUS_TOKEN.*log/);
      const open = await ask(noToken, 'xa-an-phu');
      assert.equal(open.statusCode, 200);
      assert.equal(open.json().sources, undefined);
    });

    it('is described so in the OpenAPI document: public fields, and sources with a bearer token', async () => {
      const document = (await harness.app.inject({ url: '/api/v1/openapi.json' })).json();
      assert.deepEqual(document.components.securitySchemes.statusToken, {
        type: 'http',
        scheme: 'bearer',
        description: "The operator's STATUS_TOKEN, for a site's status details",
      });
      const route = document.paths['/api/v1/sites/{site}/status'].get;
      assert.deepEqual(route.security, [{}, { statusToken: [] }]);
      const schema = route.responses['200'].content['application/json'].schema;
      assert.deepEqual(schema.required, ['site', 'articles', 'ok', 'lastSuccessAt']);
      assert.match(schema.properties.sources.description, /operator token/);
      assert.ok(route.responses['401']);
    });
  });
}
