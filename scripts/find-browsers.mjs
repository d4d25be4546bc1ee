// Finds the three engines the browser tests run in: Debian's Chromium, Firefox ESR, and WebKitGTK
// (WebKitWebDriver driving its MiniBrowser under Xvfb), and the PulseAudio that Firefox and
// WebKit play the MP3 recordings into (scripts/sound-server.mjs). With --install, installs the
// Debian packages that are missing when this is root with apt-get. No test tool downloads a
// browser.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

export { findChromium };

/** The Firefox binary itself: /usr/bin/firefox-esr is a shell wrapper puppeteer cannot drive. */
export function findFirefox() {
  return [process.env.FIREFOX_PATH, '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox']
    .filter(Boolean)
    .find((path) => existsSync(path));
}

/** WebKitGTK's WebDriver, the MiniBrowser it launches (found in the library's folder) and Xvfb. */
export function findWebKit() {
  const driver = ['/usr/bin/WebKitWebDriver'].find((path) => existsSync(path));
  const miniBrowser = [
    process.env.MINIBROWSER_PATH,
    ...['x86_64-linux-gnu', 'aarch64-linux-gnu'].flatMap((arch) => [
      `/usr/lib/${arch}/webkit2gtk-4.1/MiniBrowser`,
      `/usr/lib/${arch}/webkitgtk-6.0/MiniBrowser`,
    ]),
  ]
    .filter(Boolean)
    .find((path) => existsSync(path));
  const xvfb = ['/usr/bin/Xvfb'].find((path) => existsSync(path));
  return driver && miniBrowser && xvfb ? { driver, miniBrowser, xvfb } : undefined;
}

/**
 * The sound server Firefox and WebKit play recordings into: a machine without one (CI) gets its
 * null sink from scripts/sound-server.mjs. WebKit decodes the MP3s with GStreamer's
 * mpegaudioparse and mpg123 (gstreamer1.0-plugins-good, which webkit2gtk-driver brings).
 */
export function findPulseAudio() {
  return [process.env.PULSEAUDIO_PATH, '/usr/bin/pulseaudio']
    .filter(Boolean)
    .find((path) => existsSync(path));
}

/** The Debian packages of the engines (and of their sound server) that are not installed yet. */
export function missingPackages() {
  return [
    findChromium() ? [] : ['chromium'],
    findFirefox() ? [] : ['firefox-esr'],
    findWebKit() ? [] : ['webkit2gtk-driver', 'xvfb'],
    findPulseAudio() ? [] : ['pulseaudio'],
  ].flat();
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain && process.argv.includes('--install')) {
  const missing = missingPackages();
  if (missing.length > 0) {
    const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
    if (!canApt) {
      console.error(
        `The browser tests need ${missing.join(', ')}. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}), or set CHROME_PATH, FIREFOX_PATH, MINIBROWSER_PATH or PULSEAUDIO_PATH.`,
      );
      process.exit(1);
    }
    console.log(`Installing Debian ${missing.join(', ')} for the browser tests…`);
    execSync(
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`,
      { stdio: 'inherit' },
    );
  }
}
