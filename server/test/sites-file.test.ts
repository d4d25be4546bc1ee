import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ImportScheduler } from '../import/scheduler.js';
import { ArticleRepository } from '../repository.js';
import { parseSitesFile, SitesFileError } from '../sites-file.js';
import { settingsFromEnv, startServer } from '../start.js';
import { createHarness, DATABASES, type Harness } from './harness.js';

const XA_A = 'https://xahoabinh.example.gov.vn';
const XA_B = 'https://xaanphu.example.gov.vn';
const STATUS_TOKEN = 'status-token-0123456789abcdef0123456789';

const rss = (site: string, ids: number[]) => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>${site}</title><link>https://${site}.example.gov.vn/</link>
${ids
  .map(
    (id) => `<item><title>Tin ${id} của ${site}</title>
<link>https://${site}.example.gov.vn/tin-tuc/tin-${id}-${id}.html</link>
<guid>https://${site}.example.gov.vn/tin-tuc/tin-${id}-${id}.html</guid>
<description>Tóm tắt tin ${id}</description><category>Tin tức</category>
<pubDate>Mon, 0${id} Dec 2026 02:00:00 GMT</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;

describe('the sites file', () => {
  it('reads sites, their origins and sources, with the schedule of each', () => {
    const sites = parseSitesFile(`# Tỉnh mẫu: mọi cổng thông tin
every = 1h
[xa-hoa-binh]
name = Xã Hòa Bình
origins = ${XA_A}, https://www.xahoabinh.example.gov.vn
source = rss https://xahoabinh.example.gov.vn/index.php?language=vi&nv=news&op=rss
every = 15m

[xa-an-phu]
name = Xã An Phú   # NukeViet 4.4
origins = ${XA_B}
source = wordpress https://xaanphu.example.gov.vn
source = json /srv/portal-widgets/xa-an-phu.json
`);
    assert.deepEqual(
      sites.map(({ id, origins }) => [id, origins]),
      [
        ['xa-hoa-binh', [XA_A, 'https://www.xahoabinh.example.gov.vn']],
        ['xa-an-phu', [XA_B]],
      ],
    );
    assert.equal(sites[1].name, 'Xã An Phú');
    assert.deepEqual(
      sites.flatMap((site) => site.sources.map((source) => [source.format, source.everyMs])),
      [
        ['rss', 15 * 60_000],
        ['wordpress', 60 * 60_000],
        ['json', 60 * 60_000],
      ],
    );
  });

  it('names every mistake with its line, site and field, and uses none of the file', () => {
    const text = `[xa-hoa-binh]
name = Xã Hòa Bình
origins = https://xahoabinh.example.gov.vn/tin-tuc
source = ftp ftp://xahoabinh.example.gov.vn/rss
every = sometimes
colour = red
[Xa_An_Phu]
[xa-hoa-binh]
name = Lặp lại
[xa-moi]
`;
    assert.throws(
      () => parseSitesFile(text, 'sites.conf'),
      (error: SitesFileError) => {
        assert.ok(error instanceof SitesFileError);
        const expected = [
          /^sites\.conf:3: site xa-hoa-binh: origins: "https:\/\/xahoabinh\.example\.gov\.vn\/tin-tuc" is not an origin/,
          /^sites\.conf:4: site xa-hoa-binh: source: "ftp ftp:.*" is not "<format> <address>"/,
          /^sites\.conf:5: site xa-hoa-binh: every: "sometimes" is not a duration/,
          /^sites\.conf:6: site xa-hoa-binh: "colour" is not a setting/,
          /^sites\.conf:7: \[Xa_An_Phu\] is not a site id/,
          /^sites\.conf:8: site xa-hoa-binh is listed twice \(first on line 1\)/,
          /^sites\.conf:7: site Xa_An_Phu: name: missing/,
          /^sites\.conf:10: site xa-moi: name: missing/,
        ];
        assert.equal(error.mistakes.length, expected.length, error.mistakes.join('\n'));
        expected.forEach((pattern, index) => assert.match(error.mistakes[index], pattern));
        return true;
      },
    );
  });

  it("is the demo province's file: three portals on three origins, each with its own article 1", async () => {
    const file = 'server/demo/province/sites.conf';
    const sites = parseSitesFile(readFileSync(file, 'utf8'), file);
    assert.deepEqual(
      sites.map(({ id }) => id),
      ['tinh', 'xa-hoa-binh', 'xa-an-phu'],
    );
    assert.equal(new Set(sites.map(({ origins }) => origins[0])).size, 3);
    const harness = await createHarness('sqlite::memory:');
    try {
      await new ArticleRepository(harness.connection.db).saveSites(sites);
      const scheduler = new ImportScheduler(harness.connection.db, {
        log: { info: () => {}, warn: (message) => assert.fail(message) },
      });
      await scheduler.update(sites);
      await scheduler.runDue();
      const titles = new Set<string>();
      for (const { id } of sites) {
        const article = await harness.app.inject({ url: `/api/v1/sites/${id}/articles/1` });
        assert.equal(article.statusCode, 200, id);
        titles.add(article.json().title);
      }
      assert.equal(titles.size, 3, 'article 1 of each portal is its own');
    } finally {
      await harness.close();
    }
  });

  it('stops the server start at a sites file with a mistake, naming it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pw-sites-file-'));
    try {
      const file = join(folder, 'sites.conf');
      writeFileSync(
        file,
        '[xa-hoa-binh]\nname = Xã Hòa Bình\norigins = xahoabinh.example.gov.vn\n',
      );
      await assert.rejects(
        startServer({
          ...settingsFromEnv({ SITES_FILE: file }),
          databaseUrl: `sqlite:${join(folder, 'w.sqlite')}`,
          demo: false,
          port: 0,
        }),
        (error: Error) => error.message.includes(`${file}:3: site xa-hoa-binh: origins:`),
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('a province server reloading its sites file', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'pw-reload-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('applies a new file on reload without dropping a request, and keeps the old one on a mistake', async () => {
    const file = join(folder, 'sites.conf');
    const json = join(folder, 'xa-hoa-binh.json');
    writeFileSync(
      json,
      JSON.stringify({
        articles: [
          {
            id: 12,
            title: 'Tin 12',
            bodyHtml: '<p>Tin.</p>',
            category: { id: 'tin-tuc', name: 'Tin tức' },
            publishedAt: '2026-12-01T02:00:00Z',
          },
        ],
      }),
    );
    writeFileSync(
      file,
      `[xa-hoa-binh]\nname = Xã Hòa Bình\norigins = ${XA_A}\nsource = json ${json}\n`,
    );
    const server = await startServer({
      ...settingsFromEnv({ SITES_FILE: file }),
      databaseUrl: `sqlite:${join(folder, 'w.sqlite')}`,
      demo: false,
      port: 0,
    });
    try {
      const token = (origin: string) =>
        fetch(`${server.url}/api/v1/sites/xa-hoa-binh/voter-tokens`, {
          method: 'POST',
          headers: { origin },
        }).then((response) => response.status);
      assert.equal(await token(XA_A), 201);
      assert.equal(await token(XA_B), 403);

      writeFileSync(
        file,
        `[xa-hoa-binh]\nname = Xã Hòa Bình\norigins = ${XA_A}, ${XA_B}\nsource = json ${json}\n[xa-an-phu]\nname = Xã An Phú\norigins = ${XA_B}\n`,
      );
      // Reads go on while the file is applied.
      const reads = Array.from({ length: 20 }, () =>
        fetch(`${server.url}/api/v1/sites/xa-hoa-binh/articles`).then((r) => r.status),
      );
      await server.reload();
      assert.deepEqual(new Set(await Promise.all(reads)), new Set([200]));
      assert.equal(await token(XA_B), 201);
      const sites = (await (await fetch(`${server.url}/api/v1/sites`)).json()) as {
        items: { id: string; name: string }[];
      };
      assert.deepEqual(
        sites.items.find(({ id }) => id === 'xa-an-phu'),
        { id: 'xa-an-phu', name: 'Xã An Phú' },
      );

      writeFileSync(file, `[xa-hoa-binh]\nname = Xã Hòa Bình\norigins = ${XA_A}/\n`);
      await assert.rejects(server.reload(), SitesFileError);
      assert.equal(await token(XA_B), 201, 'the file with a mistake changed nothing');
    } finally {
      await server.close();
    }
  });
});

for (const database of DATABASES) {
  describe(`imports on schedule on ${database.name}`, () => {
    let harness: Harness;
    let clock = Date.parse('2026-12-06T01:00:00Z');
    const answers = new Map<string, () => Response>();
    const asked: string[] = [];
    const fakeFetch = (async (input: string | URL) => {
      const url = String(input);
      asked.push(url);
      const answer = answers.get(new URL(url).host);
      if (!answer)
        throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND') });
      return answer();
    }) as typeof fetch;
    const logged: string[] = [];
    const scheduler = (db: Harness['connection']['db']) =>
      new ImportScheduler(db, {
        log: { info: (message) => logged.push(message), warn: (message) => logged.push(message) },
        fetch: fakeFetch,
        now: () => clock,
        retryMs: 60_000,
      });
    const sites = parseSitesFile(`every = 1h
[xa-hoa-binh]
name = Xã Hòa Bình
source = rss https://xa-hoa-binh.example.gov.vn/rss
[xa-an-phu]
name = Xã An Phú
source = rss https://xa-an-phu.example.gov.vn/rss
`);
    const status = async (site: string) =>
      (
        await harness.app.inject({
          url: `/api/v1/sites/${site}/status`,
          headers: { authorization: `Bearer ${STATUS_TOKEN}` },
        })
      ).json();

    before(async () => {
      harness = await createHarness(database.url, { statusToken: STATUS_TOKEN });
      await new ArticleRepository(harness.connection.db).saveSites(sites);
    });
    after(() => harness.close());

    it('imports each site, goes on past a failing source, and retries it with back-off', async () => {
      answers.set('xa-hoa-binh.example.gov.vn', () => new Response(rss('xa-hoa-binh', [1, 2, 3])));
      const first = scheduler(harness.connection.db);
      await first.update(sites);
      await first.runDue();

      const good = await status('xa-hoa-binh');
      assert.equal(good.articles, 3);
      assert.equal(good.sources[0].articleCount, 3);
      assert.equal(good.sources[0].lastSuccessAt, new Date(clock).toISOString());
      assert.equal(good.sources[0].lastError, null);
      const failing = await status('xa-an-phu');
      assert.equal(failing.sources[0].failures, 1);
      assert.match(failing.sources[0].lastError, /ENOTFOUND/);
      assert.equal(failing.sources[0].nextRunAt, new Date(clock + 60_000).toISOString());
      assert.ok(logged.some((line) => /Import xa-an-phu rss .* failed \(1 in a row\)/.test(line)));
      // Reads of the failing site's sibling, and of the site itself, are not affected.
      const list = await harness.app.inject({ url: '/api/v1/sites/xa-hoa-binh/articles' });
      assert.equal(list.json().items.length, 3);

      // Back-off: 1 minute, then 2; nothing runs before it is due.
      asked.length = 0;
      clock += 30_000;
      await first.runDue();
      assert.deepEqual(asked, []);
      clock += 30_000;
      await first.runDue();
      assert.deepEqual(asked, ['https://xa-an-phu.example.gov.vn/rss']);
      assert.equal(
        (await status('xa-an-phu')).sources[0].nextRunAt,
        new Date(clock + 120_000).toISOString(),
      );

      // The portal is back: the next try succeeds and the count of failures starts again.
      answers.set('xa-an-phu.example.gov.vn', () => new Response(rss('xa-an-phu', [1, 2])));
      clock += 120_000;
      await first.runDue();
      const recovered = await status('xa-an-phu');
      assert.equal(recovered.articles, 2);
      assert.equal(recovered.sources[0].failures, 0);
      assert.equal(recovered.sources[0].nextRunAt, new Date(clock + 3_600_000).toISOString());
    });

    it('runs each due source once, however many instances share the database', async () => {
      clock += 3_600_000;
      asked.length = 0;
      const [one, two] = [scheduler(harness.connection.db), scheduler(harness.connection.db)];
      await one.update(sites);
      await two.update(sites);
      await Promise.all([one.runDue(), two.runDue()]);
      assert.deepEqual(asked.sort(), [
        'https://xa-an-phu.example.gov.vn/rss',
        'https://xa-hoa-binh.example.gov.vn/rss',
      ]);
    });

    it('forgets a source the file no longer lists', async () => {
      const fewer = scheduler(harness.connection.db);
      await fewer.update(sites.filter(({ id }) => id === 'xa-hoa-binh'));
      assert.deepEqual((await status('xa-an-phu')).sources, []);
      assert.equal((await status('xa-an-phu')).articles, 2, 'its articles stay');
    });
  });
}
