import { expect, fixture, html } from '@open-wc/testing';
import { configure, getConfig } from '../src/core/config.js';
import { defineElement, tagName } from '../src/core/define.js';
import { closestLang, resolveLang } from '../src/core/lang.js';
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
