import { expect, fixture, html } from '@open-wc/testing';
import { configure, getConfig } from '../src/core/config.js';
import { defineElement, tagName } from '../src/core/define.js';
import { closestLang, formatDate, formatNumber, resolveLang, type Lang } from '../src/core/lang.js';
import { PreferencesStore, STORAGE_KEY } from '../src/prefs/store.js';
import { clearPreferences } from './helpers.js';

function captureConsole(level: 'warn' | 'error') {
  const messages: string[] = [];
  const original = console[level];
  console[level] = (message: string) => messages.push(message);
  return { messages, restore: () => (console[level] = original) };
}

describe('core', () => {
  afterEach(clearPreferences);

  describe('defineElement', () => {
    it('defines once, then warns once and never throws', () => {
      const warn = captureConsole('warn');
      try {
        class First extends HTMLElement {}
        class Second extends HTMLElement {}
        expect(defineElement('pw-test-once', First)).to.equal(true);
        expect(defineElement('pw-test-once', Second)).to.equal(false);
        expect(defineElement('pw-test-once', Second)).to.equal(false);
        expect(customElements.get('pw-test-once')).to.equal(First);
        expect(warn.messages).to.have.length(1);
        expect(warn.messages[0]).to.include('<pw-test-once>').and.include('data-prefix');
      } finally {
        warn.restore();
      }
    });

    it('registers one class under a second, prefixed name', () => {
      class Twice extends HTMLElement {}
      defineElement('pw-test-twice', Twice);
      expect(defineElement(tagName('pw-test-twice', 'gov'), Twice)).to.equal(true);
      expect(document.createElement('gov-pw-test-twice')).to.be.instanceOf(Twice);
    });
  });

  describe('configure', () => {
    it('rejects a bad prefix with a message naming the value and the fix', () => {
      const error = captureConsole('error');
      try {
        configure({ prefix: 'My-Prefix' });
        expect(getConfig().prefix).to.equal(undefined);
        expect(error.messages[0]).to.include('prefix="My-Prefix"').and.include('"gov"');
      } finally {
        error.restore();
      }
    });
  });

  describe('language', () => {
    it('takes lang from the closest ancestor, across shadow roots', async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang="en-US"><span></span></div>`);
      const shadowHost = host.querySelector('span')!;
      const inner = document.createElement('b');
      shadowHost.attachShadow({ mode: 'open' }).append(inner);
      expect(closestLang(inner)).to.equal('en-US');
      expect(resolveLang(inner)).to.equal('en');
      host.setAttribute('lang', 'vi-VN');
      expect(resolveLang(inner)).to.equal('vi');
      host.setAttribute('lang', 'fr');
      expect(resolveLang(inner), 'unknown languages fall back to Vietnamese').to.equal('vi');
    });
  });

  describe('numbers and dates, written as Intl writes them without loading its locale data', () => {
    const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en' };
    // A fixed sequence, so a failure can be run again: the values a rating, a count, a total and
    // a text size take, their halves (x.x5, where toFixed and Intl part ways) and far beyond.
    let seed = 20261206;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const integers = [
      ...Array.from({ length: 2001 }, (_, index) => index),
      ...Array.from({ length: 500 }, () => Math.floor(random() * 10 ** (1 + random() * 14))),
      999_999_999_999_999,
      123_456_789_012_345_680_000,
      1e21,
      2 ** 53,
    ];
    const fractions = [
      ...Array.from({ length: 1001 }, (_, index) => index / 10),
      ...Array.from({ length: 1001 }, (_, index) => index / 100),
      ...Array.from({ length: 500 }, () => random() * 5),
      ...Array.from({ length: 200 }, () => random() * 1e7),
      0.05,
      0.15,
      2.675,
      4.45,
      1e-7,
      0.000_049,
      99.95,
      999_999.95,
    ];
    const scales = [
      ...Array.from({ length: 601 }, (_, index) => 0.5 + index / 200),
      ...Array.from({ length: 200 }, () => 0.5 + random() * 2.5),
      1.005,
      1.125,
      1.155,
      0.875,
    ];

    for (const lang of ['vi', 'en'] as const) {
      it(`formats ${integers.length} whole numbers and ${fractions.length} with one decimal as Intl does (${lang})`, () => {
        const whole = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 });
        const oneDecimal = new Intl.NumberFormat(LOCALES[lang], {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        });
        const differences = [
          ...integers.map((value) => [value, formatNumber(value, lang), whole.format(value)]),
          ...fractions.map((value) => [value, formatNumber(value, lang, 0), whole.format(value)]),
          ...fractions.map((value) => [
            value,
            formatNumber(value, lang, 1),
            oneDecimal.format(value),
          ]),
        ].filter(([, ours, intl]) => ours !== intl);
        expect(differences).to.deep.equal([]);
        expect(formatNumber(1234567.25, lang, 1)).to.equal(
          lang === 'vi' ? '1.234.567,3' : '1,234,567.3',
        );
      });

      it(`formats ${scales.length} text sizes as Intl's percentages (${lang})`, () => {
        const percent = new Intl.NumberFormat(LOCALES[lang], { style: 'percent' });
        const differences = scales
          .map((value) => [value, `${formatNumber(value, lang, 0, 2)}%`, percent.format(value)])
          .filter(([, ours, intl]) => ours !== intl);
        expect(differences).to.deep.equal([]);
      });

      it(`formats every day from 2000 to 2035 as Intl does, in the visitor's time zone (${lang})`, () => {
        const intl = new Intl.DateTimeFormat(
          LOCALES[lang],
          lang === 'vi'
            ? { day: '2-digit', month: '2-digit', year: 'numeric' }
            : { dateStyle: 'long' },
        );
        const differences: string[] = [];
        for (let day = Date.UTC(2000, 0, 1); day < Date.UTC(2036, 0, 1); day += 86_400_000) {
          // Just after midnight UTC and late in the day: the day differs by time zone.
          for (const date of [new Date(day + 60_000), new Date(day + 23.5 * 3_600_000)]) {
            if (formatDate(date, lang) !== intl.format(date))
              differences.push(`${date.toISOString()}: ${formatDate(date, lang)}`);
          }
        }
        expect(differences).to.deep.equal([]);
        expect(formatDate(new Date(2026, 10, 26), lang)).to.equal(
          lang === 'vi' ? '26/11/2026' : 'November 26, 2026',
        );
      });
    }
  });

  describe('PreferencesStore', () => {
    it('treats garbage in storage as nothing saved', () => {
      for (const garbage of [
        '{not json',
        '"text"',
        '{"textScale":"huge","contrast":"max"}',
        '{"textScale":99}',
      ]) {
        localStorage.setItem(STORAGE_KEY, garbage);
        const store = new PreferencesStore();
        expect(store.textScale, garbage).to.equal(1);
        expect(store.contrast, garbage).to.equal('normal');
      }
    });

    it('still applies a choice when storage refuses to save it', () => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('quota', 'QuotaExceededError');
      };
      try {
        const store = new PreferencesStore();
        let changes = 0;
        store.addEventListener('change', () => (changes += 1));
        store.setTextScale(1.5);
        expect(store.textScale).to.equal(1.5);
        expect(changes).to.equal(1);
      } finally {
        Storage.prototype.setItem = original;
      }
    });

    it('picks up another tab’s choice from the storage event', () => {
      const store = new PreferencesStore();
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ textScale: 2, contrast: 'more' }));
      dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }));
      expect(store.textScale).to.equal(2);
      expect(store.contrast).to.equal('more');
    });
  });
});
