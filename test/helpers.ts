import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';
import type { BackendError } from '../src/backend/errors.js';
import { STORAGE_KEY } from '../src/prefs/store.js';

/** The engine running this test: Chromium, Firefox (Gecko) or WebKit (as in Safari). */
export const engine: 'chromium' | 'firefox' | 'webkit' = /Firefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrome\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';

/** Sends one Chrome DevTools Protocol command to this test's page (Chromium only). */
export function cdp<T = Record<string, unknown>>(
  method: string,
  params: Record<string, unknown> = {},
): Promise<T> {
  return executeServerCommand('cdp', { method, params }) as Promise<T>;
}

/** One of the `engine` server commands (test/engines.mjs); fails where the engine has none. */
async function engineCommand<T>(action: string, payload: Record<string, unknown> = {}): Promise<T> {
  const result = (await executeServerCommand('engine', { action, ...payload })) as T & {
    unsupported?: string;
  };
  if (result && typeof result === 'object' && 'unsupported' in result) {
    throw new Error(`Not in ${engine}: ${result.unsupported}`);
  }
  return result;
}

/**
 * Emulates media features such as `prefers-contrast: more` or `forced-colors: active` ('' resets):
 * DevTools emulation in Chromium, the visitor's own settings in Firefox. WebKit has none.
 */
export function emulateMediaFeatures(features: Record<string, string>): Promise<unknown> {
  return engineCommand('media', { features });
}

/** Emulates a media type such as `print` ('' resets); Chromium only. */
export function emulateMediaType(media: string): Promise<unknown> {
  return engineCommand('media', { media, features: {} });
}

/** Sets the browser's default font size, as a visitor does in the browser settings (not WebKit). */
export function setDefaultFontSize(px: number): Promise<unknown> {
  return engineCommand('font-size', { px });
}

/** Takes the browser's network offline or back (not WebKit). */
export function setOffline(offline: boolean): Promise<unknown> {
  return engineCommand('offline', { offline });
}

/** A base64 PNG of a box of the viewport, as the screen shows it (Chromium, Firefox). */
export function screenshot(clip: {
  x: number;
  y: number;
  width: number;
  height: number;
}): Promise<string> {
  return engineCommand('screenshot', { clip });
}

/** A base64 PNG of an element of a framed page, through WebDriver's element screenshot (WebKit). */
export function elementScreenshot(page: FramePage, element: Element): Promise<string> {
  (page.window as unknown as { __pwTargets: Element[] }).__pwTargets = [element];
  const frame = [...document.querySelectorAll('iframe')].indexOf(page.frame);
  return engineCommand('element-screenshot', { frame });
}

/** Role and name of each element as WebDriver's Get Computed Role and Label give them (WebKit). */
export function computedAccessibility(
  elements: Element[],
): Promise<{ role: string; name: string }[]> {
  (window as unknown as { __pwTargets: Element[] }).__pwTargets = elements;
  return engineCommand('computed-accessibility');
}

/** Presses Shift+Tab, as a keyboard user going back does. */
export async function pressShiftTab(): Promise<void> {
  if (engine === 'webkit') {
    await engineCommand('keys', { keys: ['Shift', 'Tab'] });
    return;
  }
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

export function clearPreferences(): void {
  localStorage.removeItem(STORAGE_KEY);
}

export interface FramePage {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis & { pageErrors: string[]; consoleMessages: ConsoleRecord[] };
  document: Document;
}

export interface ConsoleRecord {
  level: 'warn' | 'error';
  text: string;
}

/** The BackendError a promise rejects with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    return error as BackendError;
  }
  throw new Error('expected a rejection');
}

/** Resolves once `condition` holds, polling each frame; rejects with `message` after `timeout` ms. */
export async function until(
  condition: () => boolean,
  message: string,
  timeout = 3000,
): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting: ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

const openFrames: HTMLIFrameElement[] = [];

/** Removes every page openPage() opened; call it after each test. */
export function closePages(): void {
  openFrames.splice(0).forEach((frame) => frame.remove());
}

/**
 * Opens a page in an iframe of this document (same origin, so storage is shared, as between tabs).
 * `loaded: false`: returns once the page's document is there, without waiting for its load event.
 */
export async function openPage(
  src: string,
  width = 800,
  height = 600,
  { settled = true, loaded = true } = {},
): Promise<FramePage> {
  const frame = document.createElement('iframe');
  openFrames.push(frame);
  frame.width = String(width);
  frame.height = String(height);
  const load = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  if (loaded) await load;
  else await until(() => frame.contentDocument?.URL.endsWith(src) ?? false, `${src} opened`);
  const page = framePage(frame);
  if (settled) await settle(page);
  return page;
}

function framePage(frame: HTMLIFrameElement): FramePage {
  return {
    frame,
    window: frame.contentWindow as FramePage['window'],
    document: frame.contentDocument as Document,
  };
}

/** Waits until every custom element the page uses is defined and rendered. */
async function settle(page: FramePage): Promise<void> {
  const tags = ['font-scaler', 'contrast-toggle'];
  await until(
    () =>
      [...page.document.querySelectorAll(tags.map((tag) => `${tag},gov-${tag}`).join(','))].every(
        (element) => element.shadowRoot?.querySelector('button') || element.textContent,
      ),
    `elements rendered in ${page.frame.src}`,
  );
}

/** Reloads the framed page, as a visitor pressing F5. */
export async function reloadPage(page: FramePage): Promise<FramePage> {
  const loaded = new Promise((resolve) =>
    page.frame.addEventListener('load', resolve, { once: true }),
  );
  page.window.location.reload();
  await loaded;
  const reloaded = framePage(page.frame);
  await settle(reloaded);
  return reloaded;
}

/** A button inside an element's shadow root, by its `part` name. */
export function part(element: Element, name: string): HTMLButtonElement {
  const found = element.shadowRoot?.querySelector<HTMLButtonElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`No part "${name}" in <${element.localName}>`);
  return found;
}

export function statusText(element: Element): string {
  return element.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? '';
}

export function fontSizePx(element: Element): number {
  return parseFloat(getComputedStyle(element).fontSize);
}

/** Runs axe-core inside a framed page (injecting it once) or on an element of this page. */
export async function runAxe(
  target: FramePage | Element,
  options: RunOptions = {},
): Promise<AxeResults> {
  if (target instanceof Element) {
    await import('axe-core/axe.min.js');
    return (window as unknown as { axe: typeof import('axe-core') }).axe.run(target, options);
  }
  const win = target.window as unknown as { axe?: typeof import('axe-core') };
  if (!win.axe) {
    const script = target.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve) => script.addEventListener('load', resolve));
    target.document.head.append(script);
    await loaded;
  }
  return win.axe!.run(target.document, options);
}

/** A readable list of axe violations, empty when there are none. */
export function violations(results: AxeResults): string[] {
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary}`,
    ),
  );
}

export interface AccessibleNode {
  role: string;
  name: string;
  description: string;
  children: AccessibleNode[];
}

/**
 * The browser's full accessibility tree of this page, with ignored and generic wrappers folded
 * away, so tests see what a screen reader gets: Chromium's through DevTools, Firefox's from its
 * accessibility service with its roles named as Chromium names them. WebKit gives no tree over
 * WebDriver: see computedAccessibility().
 */
export function accessibilityTree(): Promise<AccessibleNode> {
  return engineCommand('accessibility-tree');
}

/** The first node, depth first, that passes `test`. */
export function findNode(
  root: AccessibleNode,
  test: (node: AccessibleNode) => boolean,
): AccessibleNode | undefined {
  if (test(root)) return root;
  for (const child of root.children) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

/** What the test runner's reference server reports: its address, and the requests it received. */
export interface ReferenceServer {
  url: string;
  requests: string[];
}

/**
 * The real widgets API, started by the test runner (test/server-plugins.mjs). `reset` gives a
 * fresh database; `delayMs` slows every answer; `failNext` answers that many requests with 503
 * (only those whose address holds `failOnly`, when given); `allowedOrigins` (with `reset`) replaces the test page's origins in ALLOWED_ORIGINS.
 */
export function referenceServer(
  payload: {
    reset?: boolean;
    delayMs?: number;
    failNext?: number;
    failOnly?: string;
    allowedOrigins?: string[];
    sites?: boolean;
  } = {},
): Promise<ReferenceServer> {
  return executeServerCommand('reference-server', payload) as Promise<ReferenceServer>;
}
