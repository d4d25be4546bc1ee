// The three browser engines the tests run in, and the server commands that stand in for a
// visitor's browser settings in each: Chromium through the DevTools Protocol, Firefox through
// its own preferences (set over WebDriver BiDi in the browser's privileged scope), WebKitGTK
// through WebDriver. Firefox and WebKit play sound into a PulseAudio null sink of the run's own
// (scripts/sound-server.mjs); headless Chromium plays without any audio output.
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import {
  findChromium,
  findFirefox,
  findPulseAudio,
  findWebKit,
} from '../scripts/find-browsers.mjs';
import { startSoundServer } from '../scripts/sound-server.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** A port nothing listens on at this moment. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Resolves once something accepts connections on `port`. */
async function listening(port) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(socket.end() && true));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Nothing listens on port ${port}`);
}

/** Starts Xvfb on a free display (it writes the number to fd 3) and returns it with the process. */
function startXvfb(xvfb) {
  const server = spawn(
    xvfb,
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    server.stdio[3].once('data', (data) => resolve({ server, display: `:${String(data).trim()}` }));
    server.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
}

/** The pulseaudio the sound server runs, or an error naming what to install. */
function pulseAudioFor(engine) {
  const pulseaudio = findPulseAudio();
  if (!pulseaudio)
    throw new Error(
      `${engine} plays the MP3 recordings into a PulseAudio null sink: install pulseaudio (npm run test:browser installs it)`,
    );
  return pulseaudio;
}

/**
 * WebKitGTK's MiniBrowser under WebKitWebDriver, on an Xvfb display of its own, playing audio
 * (GStreamer's pulsesink) into the run's sound server.
 */
class WebKitLauncher extends WebdriverLauncher {
  constructor({ driver, miniBrowser, xvfb }, pulseaudio) {
    super({
      hostname: '127.0.0.1',
      port: 0,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver speaks classic WebDriver only: a BiDi request fails the session.
        'wdio:enforceWebDriverClassic': true,
        // Media may play without a click, as Chromium and Firefox let it under automation:
        // `autoplay` is the page's choice, which the tests check.
        'webkitgtk:browserOptions': {
          binary: miniBrowser,
          args: ['--automation', '--autoplay-policy=allow'],
        },
      },
    });
    this.paths = { driver, xvfb, pulseaudio };
  }

  async initialize(config, testFiles) {
    this.soundServer = await startSoundServer(this.paths.pulseaudio);
    this.xvfb = await startXvfb(this.paths.xvfb);
    const port = await freePort();
    this.driverProcess = spawn(this.paths.driver, [`--port=${port}`], {
      env: { ...process.env, ...this.soundServer.env, DISPLAY: this.xvfb.display },
      stdio: 'ignore',
    });
    await listening(port);
    this.options.port = port;
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      this.driverProcess?.kill();
      this.xvfb?.server.kill();
      await this.soundServer?.stop();
    }
  }
}

/**
 * Firefox with the run's sound server as its audio output (without one it fails every media
 * element that has sound), started before the browser and stopped after it.
 */
function firefoxLauncher() {
  const pulseaudio = pulseAudioFor('Firefox');
  const launchOptions = {
    browser: 'firefox',
    executablePath: findFirefox(),
    // Lets the `engine` commands set the preferences a visitor sets in Firefox's settings.
    args: ['--remote-allow-system-access'],
  };
  const launcher = chromeLauncher({ puppeteer: puppeteerCore, launchOptions });
  const { initialize, stop } = launcher;
  let soundServer;
  launcher.initialize = async (...args) => {
    soundServer = await startSoundServer(pulseaudio);
    launchOptions.env = { ...process.env, ...soundServer.env };
    return initialize.apply(launcher, args);
  };
  launcher.stop = async () => {
    try {
      await stop.call(launcher);
    } finally {
      await soundServer?.stop();
    }
  };
  return launcher;
}

/** The launcher of one engine, or an error naming what to install. */
export function launcherFor(engine) {
  if (engine === 'chromium') {
    return chromeLauncher({
      launchOptions: { executablePath: findChromium(), args: ['--no-sandbox'] },
    });
  }
  if (engine === 'firefox') return firefoxLauncher();
  if (engine === 'webkit') {
    const webkit = findWebKit();
    if (!webkit)
      throw new Error(
        'WebKit needs webkit2gtk-driver and xvfb (npm run test:browser installs them)',
      );
    return new WebKitLauncher(webkit, pulseAudioFor('WebKit'));
  }
  throw new Error(`Unknown engine "${engine}": one of ${ENGINES.join(', ')}`);
}

/** Which engine a test session runs in, from its launcher. */
function engineOf(session) {
  if (session.browser.type === 'webdriver') return 'webkit';
  return session.browser.name === 'Firefox' ? 'firefox' : 'chromium';
}

class Unsupported extends Error {}

// ---- Chromium: the DevTools Protocol -------------------------------------------------------

const cdpSessions = new WeakMap();
async function cdp(page, method, params = {}) {
  if (!cdpSessions.has(page)) cdpSessions.set(page, await page.createCDPSession());
  return (await cdpSessions.get(page).send(method, params)) ?? {};
}

/** Chromium's accessibility tree with ignored nodes and generic wrappers folded away. */
async function chromiumTree(page) {
  const { nodes } = await cdp(page, 'Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const build = (node) => {
    const children = (node.childIds ?? []).flatMap((id) => {
      const child = byId.get(id);
      return child ? build(child) : [];
    });
    const role = node.role?.value ?? '';
    if (node.ignored || ['generic', 'none', 'InlineTextBox'].includes(role)) return children;
    const name = node.name?.value ?? '';
    const description = node.description?.value ?? '';
    return [{ role, name, description, children }];
  };
  return build(nodes[0])[0];
}

// ---- Firefox: preferences and the accessibility service, in the browser's privileged scope --

const firefoxChrome = new WeakMap();
async function firefoxEval(page, expression) {
  const browser = page.browser();
  if (!firefoxChrome.has(browser)) {
    const tree = await browser.connection.send('browsingContext.getTree', {
      'moz:scope': 'chrome',
    });
    firefoxChrome.set(browser, tree.result.contexts[0].context);
  }
  const { result } = await browser.connection.send('script.evaluate', {
    expression,
    target: { context: firefoxChrome.get(browser) },
    awaitPromise: true,
  });
  if (result.type === 'exception') throw new Error(`Firefox: ${result.exceptionDetails.text}`);
  return result.result.value;
}

/** What a visitor sets in Firefox's settings for each emulated media feature. */
const FIREFOX_MEDIA_PREFS = {
  // Settings → Colours → "Override the colours specified by the page": Always.
  'forced-colors': { active: ['browser.display.document_color_use', 2] },
  // The system's high-contrast setting, as Firefox reads it.
  'prefers-contrast': { more: ['ui.useAccessibilityTheme', 1] },
  'prefers-reduced-motion': { reduce: ['ui.prefersReducedMotion', 1] },
  'prefers-color-scheme': {
    dark: ['layout.css.prefers-color-scheme.content-override', 0],
    light: ['layout.css.prefers-color-scheme.content-override', 1],
  },
};

function firefoxMediaScript({ features = {}, media }) {
  if (media) throw new Unsupported(`Firefox cannot emulate the "${media}" media type`);
  return Object.entries(features)
    .map(([name, value]) => {
      const prefs = FIREFOX_MEDIA_PREFS[name];
      if (!prefs) throw new Unsupported(`Firefox has no setting for ${name}`);
      const all = Object.values(prefs).map(([pref]) => pref);
      if (!value) return all.map((pref) => `Services.prefs.clearUserPref('${pref}');`).join('');
      if (!prefs[value]) throw new Unsupported(`Firefox has no setting for ${name}: ${value}`);
      const [pref, number] = prefs[value];
      return `Services.prefs.setIntPref('${pref}', ${number});`;
    })
    .join('');
}

// Firefox keeps one default size per script group; Vietnamese and English pages are Western.
const FONT_GROUPS = ['x-western'];

/** Firefox roles by the names Chromium and ARIA give them, so one test reads both trees. */
const FIREFOX_ROLES = {
  pushbutton: 'button',
  togglebutton: 'button',
  radiobutton: 'radio',
  grouping: 'group',
  statusbar: 'status',
  graphic: 'img',
  'text leaf': 'StaticText',
  document: 'RootWebArea',
  'internal frame': 'Iframe',
};
const FIREFOX_GENERIC = ['section', 'text container', 'text', 'whitespace'];

/** The test page's accessibility tree as Firefox's accessibility service (and so a screen reader) has it. */
function firefoxTreeScript(url) {
  return `(async () => {
    const service = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
    const win = Services.wm.getMostRecentWindow('navigator:browser');
    const browser = win.gBrowser.browsers.find((b) => b.currentURI.spec === ${JSON.stringify(url)});
    let root = null;
    for (let tries = 0; tries < 50 && !root; tries++) {
      root = service.getAccessibleFor(browser)?.firstChild ?? null;
      if (!root) await new Promise((resolve) => win.setTimeout(resolve, 50));
    }
    const roles = ${JSON.stringify(FIREFOX_ROLES)};
    const generic = ${JSON.stringify(FIREFOX_GENERIC)};
    const build = (node) => {
      const children = [];
      for (let child = node.firstChild; child; child = child.nextSibling) children.push(...build(child));
      let role = service.getStringRole(node.role);
      // An ARIA role, given or implied by a landmark element, named as the page names it.
      try { role = node.attributes.getStringProperty('xml-roles').split(' ')[0] || role; } catch {}
      if (generic.includes(role)) return children;
      return [{ role: roles[role] ?? role, name: node.name ?? '', description: node.description ?? '', children }];
    };
    return JSON.stringify(build(root)[0]);
  })()`;
}

// ---- WebKit: WebDriver ---------------------------------------------------------------------

/** The elements a test put in `window.__pwTargets`, as WebDriver element ids. */
async function webdriverTargets(driver) {
  const references = await driver.execute('return window.__pwTargets');
  return references.map((reference) => Object.values(reference)[0]);
}

/**
 * `executeServerCommand('engine', { action, … })`: the visitor's browser settings and what
 * assistive technology reads, in whichever engine runs the test.
 * - `media` `{ features: { name: value }, media? }`: emulated media features ('' resets);
 * - `font-size` `{ px }`: the browser's default font size;
 * - `accessibility-tree`: the page's tree, `{ role, name, description, children }`, generic
 *   wrappers folded away (Chromium, Firefox);
 * - `computed-accessibility`: `{ role, name }` of each element in `window.__pwTargets`, as
 *   WebDriver computes them (WebKit);
 * - `screenshot` `{ clip }`: a base64 PNG of that box of the viewport (Chromium, Firefox);
 * - `element-screenshot` `{ frame }`: a base64 PNG of the element in `window.__pwTargets` of
 *   the n-th iframe (WebKit);
 * - `offline` `{ offline }`: the browser's network state;
 * - `keys` `{ keys }`: keys held down together, then released, e.g. ['Shift', 'Tab'] (WebKit).
 * Resolves `{ unsupported: reason }` where the engine has no such setting.
 */
export function enginePlugin() {
  const handlers = {
    chromium: {
      media: (page, { features = {}, media }) =>
        cdp(page, 'Emulation.setEmulatedMedia', {
          ...(media === undefined ? {} : { media }),
          features: Object.entries(features).map(([name, value]) => ({ name, value })),
        }),
      'font-size': (page, { px }) =>
        cdp(page, 'Page.setFontSizes', { fontSizes: { standard: px, fixed: 13 } }),
      'accessibility-tree': (page) => chromiumTree(page),
      screenshot: async (page, { clip }) =>
        (await cdp(page, 'Page.captureScreenshot', { clip: { ...clip, scale: 1 } })).data,
      offline: (page, { offline }) =>
        cdp(page, 'Network.overrideNetworkState', {
          offline,
          latency: 0,
          downloadThroughput: -1,
          uploadThroughput: -1,
        }),
    },
    firefox: {
      media: (page, payload) => firefoxEval(page, `${firefoxMediaScript(payload)} true`),
      'font-size': (page, { px }) =>
        firefoxEval(
          page,
          `${FONT_GROUPS.map((group) => `Services.prefs.setIntPref('font.size.variable.${group}', ${px});`).join('')} true`,
        ),
      'accessibility-tree': async (page) => {
        // The tree reaches the parent process after the page's next frame.
        await page.evaluate(
          'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))',
        );
        return JSON.parse(await firefoxEval(page, firefoxTreeScript(page.url())));
      },
      screenshot: (page, { clip }) => page.screenshot({ clip, encoding: 'base64' }),
      offline: (page, { offline }) =>
        page.browser().connection.send('emulation.setNetworkConditions', {
          networkConditions: offline ? { type: 'offline' } : null,
          contexts: [page.mainFrame()._id],
        }),
    },
    webkit: {
      // Nothing is ever emulated in WebKit, so a reset has nothing to undo.
      media: (driver, { features = {}, media }) => {
        if (media || Object.values(features).some(Boolean)) {
          throw new Unsupported('WebKit emulates no media features over WebDriver');
        }
      },
      'computed-accessibility': async (driver) =>
        Promise.all(
          (await webdriverTargets(driver)).map(async (id) => ({
            role: await driver.getElementComputedRole(id),
            name: await driver.getElementComputedLabel(id),
          })),
        ),
      'element-screenshot': async (driver, { frame }) => {
        await driver.switchToFrame(frame);
        try {
          const [id] = await webdriverTargets(driver);
          return await driver.takeElementScreenshot(id);
        } finally {
          await driver.switchToParentFrame();
        }
      },
      keys: async (driver, { keys }) => {
        const { Key } = await import('webdriverio');
        const values = keys.map((key) => Key[key] ?? key);
        await driver.performActions([
          {
            type: 'key',
            id: 'keyboard',
            actions: [
              ...values.map((value) => ({ type: 'keyDown', value })),
              ...values.reverse().map((value) => ({ type: 'keyUp', value })),
            ],
          },
        ]);
        await driver.releaseActions();
      },
    },
  };
  return {
    name: 'engine',
    async executeCommand({ command, payload, session }) {
      if (command !== 'engine') return undefined;
      const engine = engineOf(session);
      const handler = handlers[engine][payload.action];
      if (!handler) return { unsupported: `${engine} has no "${payload.action}" command here` };
      const target =
        engine === 'webkit' ? session.browser.driver : session.browser.getPage(session.id);
      try {
        return (await handler(target, payload)) ?? {};
      } catch (error) {
        if (error instanceof Unsupported) return { unsupported: error.message };
        throw error;
      }
    },
  };
}

/**
 * `executeServerCommand('cdp', { method, params })`: one DevTools Protocol command to the test's
 * page, for what only Chromium offers; one CDP session per page, so emulation lasts until reset.
 */
export function cdpPlugin() {
  return {
    name: 'cdp',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cdp') return undefined;
      if (engineOf(session) !== 'chromium') throw new Error('cdp() works in Chromium only');
      return cdp(session.browser.getPage(session.id), payload.method, payload.params);
    },
  };
}
