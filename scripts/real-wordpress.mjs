// `npm run test:real`: the wordpress adapter against a real WordPress (Debian's `wordpress`
// package, MariaDB, PHP's built-in server on loopback ports), once without and once with a
// WP-PostRatings-shaped REST route; then one reference server with three sites, that WordPress,
// NukeViet-shaped pages and a JSON file (scripts/real-sites.test.ts). Sets everything up, runs
// the tests, removes it all.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORDPRESS = '/usr/share/wordpress';
const PORT = Number(process.env.REAL_WP_PORT ?? 8092);
const SITES = { plain: PORT, rated: PORT + 1 };
/** The reference server, the NukeViet-shaped portal and the JSON site's portal of real-sites. */
const PROVINCE = { api: PORT + 2, nukeviet: PORT + 3, json: PORT + 4 };
// Named after the port, so that two checkouts on one machine can run this side by side.
const DATABASE = `portal_widgets_wp_${PORT}`;
const PASSWORD = randomBytes(12).toString('hex');
const AUDIO = fileURLToPath(
  new URL('../test/fixtures/audio/lich-tiep-cong-dan.mp3', import.meta.url),
);
const configName = (site) => `portal-widgets-${site}-${PORT}`;
const configFile = (site) => `/etc/wordpress/config-${configName(site)}.php`;

function fail(message) {
  console.error(`test:real: ${message}`);
  process.exit(1);
}

if (!existsSync(`${WORDPRESS}/wp-settings.php`))
  fail(
    `no WordPress in ${WORDPRESS}: apt-get install -y wordpress php-cli php-mysql mariadb-server`,
  );
if (!existsSync(`${WORDPRESS}/wp-content/themes/twentytwentythree`))
  fail(
    'no theme for the WordPress portal page: apt-get install -y wordpress-theme-twentytwentythree',
  );

const sql = (statements) => execFileSync('mysql', ['-uroot', '-e', statements], { stdio: 'pipe' });

/** MariaDB as Debian installs it (root through the socket); started here when it is not running. */
function database() {
  try {
    sql('SELECT 1');
  } catch {
    execFileSync('service', ['mariadb', 'start'], { stdio: 'inherit' });
    sql('SELECT 1');
  }
  sql(`DROP DATABASE IF EXISTS ${DATABASE};
    CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4;
    CREATE OR REPLACE USER '${DATABASE}'@'localhost' IDENTIFIED BY '${PASSWORD}';
    GRANT ALL ON ${DATABASE}.* TO '${DATABASE}'@'localhost';`);
}

const work = mkdtempSync(join(tmpdir(), 'portal-widgets-wp-'));
const servers = [];

function cleanUp() {
  servers.forEach((server) => server.kill());
  for (const site of Object.keys(SITES)) rmSync(configFile(site), { force: true });
  rmSync(work, { recursive: true, force: true });
  try {
    sql(`DROP DATABASE IF EXISTS ${DATABASE}; DROP USER IF EXISTS '${DATABASE}'@'localhost';`);
  } catch {
    // The database server is gone already: nothing left to remove.
  }
}

/**
 * Debian's wp-config.php reads /etc/wordpress/config-<WORDPRESS_CONFIG>.php; each site gets its
 * own wp-content (the rated one with our mu-plugin), both share the database.
 */
function configure() {
  mkdirSync('/etc/wordpress', { recursive: true });
  for (const [site, port] of Object.entries(SITES)) {
    const content = join(work, site, 'wp-content');
    mkdirSync(join(content, 'mu-plugins'), { recursive: true });
    writeFileSync(
      configFile(site),
      `<?php
define('DB_NAME', '${DATABASE}');
define('DB_USER', '${DATABASE}');
define('DB_PASSWORD', '${PASSWORD}');
define('DB_HOST', 'localhost');
define('WP_HOME', 'http://127.0.0.1:${port}');
define('WP_SITEURL', 'http://127.0.0.1:${port}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', 'http://127.0.0.1:${port}/wp-content');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
`,
    );
    // wp-content lies outside the document root: PHP's server answers its uploads through this router.
    writeFileSync(
      join(work, `${site}-router.php`),
      `<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = '${content}' . substr($path, strlen('/wp-content'));
if (!preg_match('#^/wp-content/uploads/[\\w/-]+\\.mp3$#', $path) || !is_file($file)) return false;
header('Content-Type: audio/mpeg');
readfile($file);
`,
    );
    writeFileSync(
      join(work, `${site}.php`),
      `<?php $_SERVER['WORDPRESS_CONFIG'] = '${configName(site)}';\n`,
    );
  }
  writeFileSync(
    join(work, 'rated', 'wp-content', 'mu-plugins', 'postratings-route.php'),
    POSTRATINGS_ROUTE,
  );
  // The plain site is also a portal of the province: Debian's theme, our widgets on its posts.
  symlinkSync(`${WORDPRESS}/wp-content/themes`, join(work, 'plain', 'wp-content', 'themes'));
  writeFileSync(join(work, 'plain', 'wp-content', 'mu-plugins', 'portal-widgets.php'), WIDGETS);
}

/**
 * The widgets on every post page of the plain site, as a webmaster adds them to a theme: the
 * post's id, the province's reference server, this portal's site there.
 */
const api = `http://127.0.0.1:${PROVINCE.api}`;
const WIDGETS = `<?php
/* Plugin Name: Portal Widgets on post pages */
add_action('wp_footer', function () {
  if (!is_single()) return;
  $id = (int) get_the_ID();
  echo '<div id="portal-widgets"><article-view article-id="' . $id . '"></article-view>'
    . '<star-rating article-id="' . $id . '"></star-rating>'
    . '<related-list article-id="' . $id . '" strategy="category,newer,older"></related-list></div>'
    . '<script type="module" src="${api}/cdn/portal-widgets.js" data-api="${api}/api/v1" data-site="xa-thu-nghiem"></script>';
});
`;

/**
 * WP-PostRatings' REST route and reply shape, read from the post meta that plugin keeps
 * (ratings_users, ratings_score, ratings_average): enough for the adapter, nothing more.
 */
const POSTRATINGS_ROUTE = `<?php
/* Plugin Name: Portal Widgets test: WP-PostRatings' REST route */
add_action('rest_api_init', function () {
  register_rest_route('postratings/v1', '/post/(?P<id>\\\\d+)', [
    'methods' => 'GET',
    'permission_callback' => '__return_true',
    'callback' => function ($request) {
      $id = (int) $request['id'];
      if (!get_post($id)) {
        return new WP_Error('rest_post_invalid_id', 'Invalid post ID.', ['status' => 404]);
      }
      return [
        'id' => $id,
        'users' => (int) get_post_meta($id, 'ratings_users', true),
        'score' => (int) get_post_meta($id, 'ratings_score', true),
        'average' => (float) get_post_meta($id, 'ratings_average', true),
        'has_rated' => false,
        'can_rate' => true,
      ];
    },
  ]);
});
`;

/** Installs WordPress and writes the posts; prints their ids as JSON. */
const INSTALL = `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${SITES.plain}';
$_SERVER['WORDPRESS_CONFIG'] = '${configName('plain')}';
define('WP_INSTALLING', true);
require '${WORDPRESS}/wp-load.php';
// No e-mail about the new site (there is no mail server).
function wp_new_blog_notification() {}
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
ob_start();
wp_install('Cổng thông tin xã Thử Nghiệm', 'quantri', 'quantri@example.gov.vn', false, '', wp_generate_password(24));
ob_end_clean();
update_option('permalink_structure', '/%postname%/');
wp_delete_post(1, true);
// As an editor allowed unfiltered HTML posts it: the hostile markup reaches the REST API as is.
kses_remove_filters();
$news = wp_insert_term('Tin tức', 'category')['term_id'];
$notices = wp_insert_term('Thông báo', 'category')['term_id'];
$write = function ($title, $date, $category, $tags, $excerpt, $content, $id = 0) {
  return wp_insert_post([
    'import_id' => $id,
    'post_title' => $title, 'post_date' => $date, 'post_date_gmt' => get_gmt_from_date($date),
    'post_status' => 'publish', 'post_category' => [$category], 'tags_input' => $tags,
    'post_excerpt' => $excerpt, 'post_content' => $content,
  ], true);
};
$ids = [
  'reading' => $write('Xã tổ chức ngày hội đọc sách cho thiếu nhi', '2026-11-20 08:30:00', $news, ['Văn hoá'],
    'Hơn hai trăm em học sinh tham gia ngày hội đọc sách.', '<p>Ngày hội có thi kể chuyện và vẽ tranh.</p>',
    // From 16 on, as the NukeViet portal's articles are: the sites test wants the same ids.
    16),
  'swimming' => $write('Khai giảng lớp học bơi mùa hè', '2026-11-18 07:00:00', $news, ['Thể thao'],
    'Lớp học bơi miễn phí cho trẻ em trong xã.', '<p>Lớp học kéo dài hai tuần.</p>'),
  'road' => $write('Xã ra quân làm đường liên thôn', '2026-11-25 06:30:00', $news, [],
    'Người dân góp công làm đường.', '<p>Con đường dài hai cây số.</p>'),
  'reception' => $write('Lịch tiếp công dân tháng 12', '2026-11-22 09:00:00', $notices, ['Văn hoá'],
    'Chủ tịch UBND xã tiếp công dân vào thứ Năm hằng tuần.', '<p>Tại trụ sở UBND xã.</p>'),
  'hostile' => $write('Thông báo có mã lạ', '2026-11-21 10:00:00', $notices, [],
    'Bài viết mang mã HTML độc hại.',
    '<p id="safe">Nội dung an toàn.</p><script>window.pwed = 1</script>'
    . '<img src="x" onerror="window.pwed = 2" alt="">'
    . '<a href="javascript:window.pwed = 3">Liên kết</a><iframe src="https://example.com/"></iframe>'
    . '<p style="position:fixed;inset:0" onclick="window.pwed = 4">Lớp phủ</p>'),
];
foreach ($ids as $id) if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
// A recording attached to a post, as the media library stores an uploaded MP3.
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
$upload = wp_upload_bits('lich-tiep-cong-dan.mp3', null, file_get_contents('${AUDIO}'));
$ids['recording'] = wp_insert_attachment([
  'post_title' => 'Giọng nữ miền Bắc', 'post_mime_type' => 'audio/mpeg', 'post_status' => 'inherit',
], $upload['file'], $ids['reception'], true);
if (is_wp_error($ids['recording'])) { fwrite(STDERR, $ids['recording']->get_error_message()); exit(1); }
wp_update_attachment_metadata($ids['recording'], wp_generate_attachment_metadata($ids['recording'], $upload['file']));
// A podcast-style enclosure (address, length, type on three lines), as WordPress records a linked audio file.
add_post_meta($ids['road'], 'enclosure', "https://xa.example.gov.vn/am-thanh/lam-duong.mp3\n7200\naudio/mpeg\n");
update_post_meta($ids['reading'], 'ratings_users', 4);
update_post_meta($ids['reading'], 'ratings_score', 17);
update_post_meta($ids['reading'], 'ratings_average', 4.25);
echo json_encode($ids);
`;

function install() {
  const script = join(work, 'install.php');
  writeFileSync(script, INSTALL);
  return JSON.parse(execFileSync('php', [script], { encoding: 'utf8' }));
}

async function serve() {
  for (const [site, port] of Object.entries(SITES)) {
    const server = spawn(
      'php',
      [
        '-S',
        `127.0.0.1:${port}`,
        '-t',
        WORDPRESS,
        '-d',
        `auto_prepend_file=${join(work, `${site}.php`)}`,
        join(work, `${site}-router.php`),
      ],
      { stdio: 'ignore' },
    );
    servers.push(server);
    const deadline = Date.now() + 15000;
    for (;;) {
      const answer = await fetch(`http://127.0.0.1:${port}/wp-json/`).catch(() => null);
      if (answer?.ok) break;
      if (Date.now() > deadline) throw new Error(`WordPress did not answer on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const runner = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    runner.on('exit', (code) => resolve(code ?? 1));
  });
}

/** What the tests are told of the real systems: the sites, the posts' ids, the province's ports. */
function realSystems(posts) {
  const sites = Object.fromEntries(
    Object.entries(SITES).map(([site, port]) => [site, `http://127.0.0.1:${port}`]),
  );
  return { REAL_WORDPRESS: JSON.stringify({ ...sites, posts, province: PROVINCE }) };
}

const runTests = (posts) =>
  run(
    'npx',
    ['web-test-runner', '--config', 'web-test-runner.real.config.mjs', ...process.argv.slice(2)],
    realSystems(posts),
  );

/** The province: one reference server, three sites (this WordPress among them). */
const runSitesTests = (posts) =>
  run(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', 'scripts/real-sites.test.ts'],
    realSystems(posts),
  );

process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

let code = 1;
try {
  database();
  configure();
  const posts = install();
  await serve();
  // The widgets' files the portals' pages load from the reference server, as this checkout has them.
  if ((await run('node', ['scripts/build.mjs'])) !== 0) throw new Error('npm run build failed');
  const adapter = await runTests(posts);
  const province = await runSitesTests(posts);
  code = adapter || province;
} catch (error) {
  // Said here so that the servers, config files and database are still removed below.
  console.error(`test:real: ${error.message}`);
} finally {
  cleanUp();
}
process.exit(code);
