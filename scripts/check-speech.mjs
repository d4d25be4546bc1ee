// `npm run check:speech`: one Vietnamese sentence through speechSynthesis in a real Chromium, on
// Debian's speech-dispatcher and espeak-ng with ALSA's null device as the audio sink (no sound
// card needed). Passes when Chromium lists a `vi` voice and the utterance fires `start` and `end`.
// With --install, installs the Debian packages it needs when they are missing (as root).
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/* global speechSynthesis, SpeechSynthesisUtterance -- used inside the page */
import puppeteer from 'puppeteer-core';
import { findChromium } from './find-chromium.mjs';

const SENTENCE = 'Ủy ban nhân dân xã Tân Phú thông báo lịch tiếp công dân tháng mười hai.';
const PACKAGES = ['speech-dispatcher', 'speech-dispatcher-espeak-ng', 'espeak-ng'];
const MODULE = '/usr/lib/speech-dispatcher-modules/sd_espeak-ng';

function fail(message) {
  console.error(`check:speech: ${message}`);
  process.exit(1);
}

if (!existsSync(MODULE) || !existsSync('/usr/bin/speech-dispatcher')) {
  if (!process.argv.includes('--install') || process.getuid?.() !== 0)
    fail(`needs Debian's ${PACKAGES.join(', ')} (apt-get install -y ${PACKAGES.join(' ')})`);
  execSync(
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${PACKAGES.join(' ')}`,
    { stdio: 'inherit' },
  );
}
const chromium = findChromium();
if (!chromium) fail('no Chromium: run `node scripts/find-chromium.mjs --install` first');

/** A speech-dispatcher of our own: its own socket and configuration, espeak-ng, ALSA's null sink. */
const work = mkdtempSync(join(tmpdir(), 'portal-widgets-speech-'));
const config = join(work, 'config');
mkdirSync(join(config, 'modules'), { recursive: true });
writeFileSync(
  join(config, 'modules', 'espeak-ng.conf'),
  readFileSync('/etc/speech-dispatcher/modules/espeak-ng.conf'),
);
writeFileSync(
  join(config, 'speechd.conf'),
  `LogLevel 3
LogDir "${work}"
AudioOutputMethod "alsa"
AudioALSADevice "null"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
DefaultLanguage "vi"
`,
);
const socket = join(work, 'speechd.sock');
const daemon = spawn(
  'speech-dispatcher',
  ['--run-single', '--timeout', '0', '-C', config, '-c', 'unix_socket', '-S', socket],
  { stdio: 'ignore' },
);

let browser;
let result;
try {
  for (let tries = 0; !existsSync(socket); tries += 1) {
    if (tries > 100) throw new Error('speech-dispatcher did not open its socket');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--enable-speech-dispatcher'],
    env: { ...process.env, SPEECHD_ADDRESS: `unix_socket:${socket}` },
  });
  const page = await browser.newPage();
  result = await page.evaluate(async (sentence) => {
    // Chromium fills the list once speech-dispatcher has answered; give up after 20 s.
    const voices = await new Promise((resolve) => {
      const ready = () =>
        speechSynthesis.getVoices().length && resolve(speechSynthesis.getVoices());
      speechSynthesis.addEventListener('voiceschanged', ready);
      ready();
      setTimeout(() => resolve(speechSynthesis.getVoices()), 20000);
    });
    // Plain `vi` (espeak-ng's Northern voice) before its regional variants.
    const vietnamese =
      voices.find((voice) => /^vi(-VN)?$/i.test(voice.lang)) ??
      voices.find((voice) => /^vi\b/i.test(voice.lang));
    const utterance = new SpeechSynthesisUtterance(sentence);
    utterance.lang = 'vi-VN';
    if (vietnamese) utterance.voice = vietnamese;
    const events = [];
    await new Promise((resolve) => {
      utterance.addEventListener('start', () => events.push('start'));
      utterance.addEventListener('end', () => resolve(events.push('end')));
      utterance.addEventListener('error', (event) => resolve(events.push(`error ${event.error}`)));
      speechSynthesis.speak(utterance);
      setTimeout(resolve, 20000);
    });
    return {
      voices: voices.length,
      vietnamese: vietnamese && `${vietnamese.name} (${vietnamese.lang})`,
      events,
    };
  }, SENTENCE);
} catch (error) {
  result = { error: error.message };
} finally {
  await browser?.close();
  daemon.kill();
  rmSync(work, { recursive: true, force: true });
}

console.log(`check:speech: ${JSON.stringify(result)}`);
if (result.error) fail(result.error);
if (!result.vietnamese) fail(`Chromium listed ${result.voices} voices, none of them Vietnamese`);
if (result.events.join(' ') !== 'start end')
  fail(`the utterance gave [${result.events.join(', ')}] instead of start, end`);
console.log(`check:speech: "${SENTENCE}" spoken with ${result.vietnamese}: start, end`);
