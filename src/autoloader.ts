import { ELEMENT_LOADERS } from './elements.js';

/**
 * The tag that loaded this file, whose `data-*` settings are read. The file runs as a classic
 * script (the NukeViet guide's tag: Lighthouse's estimate of LCP leaves out a classic script it
 * saw evaluated after that LCP, never a module) or as a module (`type="module"`, the README's
 * tags), which has no `currentScript` and, to stay a valid classic script, no `import.meta`
 * either: the page's first module tag whose address names the autoloader.
 */
const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[type="module"][src*="autoloader"]');

const waiting = new Set(Object.keys(ELEMENT_LOADERS));

/**
 * Hides our elements until they are defined, against a flash of unstyled content, for at most
 * `data-cloak` milliseconds (2000 when the attribute is empty).
 */
function cloak(tags: string[]): void {
  const timeout = Number(script?.dataset.cloak) || 2000;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:is(${tags.join(',')}):not(:defined){visibility:hidden}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const uncloak = (): void => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
  setTimeout(uncloak, timeout);
  const present = tags.filter((tag) => document.querySelector(tag));
  void Promise.all(present.map((tag) => customElements.whenDefined(tag))).then(uncloak);
}

/** `data-start`: when the elements' files are fetched; none: at once. */
const START = script?.dataset.start;
const AFTER_LOAD = START === 'load' || START === 'near';

/**
 * A visitor who saved a text size or contrast, or whose system asks for more contrast: their
 * preferences are applied as the page opens, whatever `data-start` says.
 */
const EARLY = ((): boolean => {
  try {
    // prefs/store.ts's STORAGE_KEY, written out: importing it would fetch its chunk at once.
    if (localStorage.getItem('portal-widgets.preferences')) return true;
  } catch {
    // Storage blocked: nothing saved.
  }
  return matchMedia('(prefers-contrast: more)').matches;
})();

/**
 * With `data-start="load"` (or `near`), nothing of ours is fetched before the page has loaded
 * and painted what it loaded: widgets that are not the page's main content then never share the
 * network with its pictures and styles, nor add their work to its start-up (but for an `EARLY`
 * visitor, or 5 s after the page is parsed when its load event has not come by then).
 */
function whenStarting(start: () => void): void {
  if (!AFTER_LOAD || EARLY) return start();
  let started = false;
  const once = (): void => {
    if (started) return;
    started = true;
    start();
  };
  // Once the browser is idle after the load event, it has painted what the page loaded last.
  // Not from a frame's callback: the frame's rendering, the page's, would be counted as ours.
  const go = () =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(once, { timeout: 1000 })
      : setTimeout(once, 50);
  if (document.readyState === 'complete') {
    go();
    return;
  }
  addEventListener('load', go, { once: true });
  // A load event that a stalled request of the page holds back (a social plugin or a counter
  // that a network blocks without answering) holds the widgets back 5 s after the page is
  // parsed, no longer: counted from the page's DOMContentLoaded, also when this file was added
  // later (the NukeViet guide's loader adds it at the load event or 5 s after parsing).
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  const parsed = navigation?.domContentLoadedEventStart;
  if (parsed) setTimeout(go, parsed + 5000 - performance.now());
  else addEventListener('DOMContentLoaded', () => setTimeout(go, 5000), { once: true });
}

/**
 * Our tags on this page, from the script's `data-prefix` as core/config.ts reads it (a prefix it
 * refuses is no prefix), so that the page can be searched before the core is fetched.
 */
const PREFIX = script?.dataset.prefix;
const tags = new Map(
  [...waiting].map((base) => [
    PREFIX && /^[a-z][a-z0-9]*$/.test(PREFIX) ? `${PREFIX}-${base}` : base,
    base,
  ]),
);

/**
 * The settings and the way of defining every element shares, fetched once, with the first
 * element (at once for an `EARLY` visitor, whose preferences come first).
 */
let core: Promise<void> | undefined;
const coreOnce = (): Promise<void> =>
  (core ??= import('./core/config.js').then(({ configureFromScript, reportBadSetting }) => {
    configureFromScript(script);
    if (START !== undefined && !AFTER_LOAD)
      reportBadSetting('data-start', START, 'Use "load" or "near".');
    // What <read-aloud article-id> asks portal-widgets.js for (an article's recordings), here
    // from the same client the other elements use, loaded when first asked.
    (window as { PortalWidgets?: object }).PortalWidgets ??= {
      getArticle: (id: string, element: Element) =>
        import('./backend/article-for.js').then(({ articleFor }) => articleFor(id, element)),
    };
    // The visitor's saved text size and contrast first, in a task of their own before any
    // element's: applied as the page opens, and never added to the text size bar's first task.
    const saved = EARLY ? import('./prefs/apply-saved.js').catch(() => {}) : undefined;
    return Promise.resolve(saved)
      .then(() => import('./core/define.js'))
      .then(({ defineInTurns }) => defineInTurns());
  }));

whenStarting(() => {
  if (EARLY) void coreOnce();
  if (script?.hasAttribute('data-cloak')) cloak([...tags.keys()]);

  const fetchFor = (tag: string): void => {
    const base = tags.get(tag)!;
    if (!waiting.delete(base)) return;
    coreOnce()
      .then(ELEMENT_LOADERS[base])
      .catch((error: unknown) => console.error(`Portal Widgets: could not load <${tag}>.`, error));
    if (!waiting.size) {
      observer.disconnect();
      sight?.disconnect();
    }
  };
  // With `near`, an element's file is fetched once one of its elements comes within a screen's
  // height of the viewport: a rating or a related list at the foot of a long article costs a
  // visitor who never scrolls there nothing, not even the core. Their room is kept by the page's
  // CSS (the guides), so nothing moves when they arrive. An element the page hides
  // (display: none) is fetched when the page shows it.
  const sight =
    START === 'near' && typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              sight!.unobserve(entry.target);
              fetchFor(entry.target.localName);
            }
          },
          { rootMargin: '100% 0px' },
        )
      : undefined;
  // A visitor moving by keyboard or screen reader may reach a bar before scrolling brings it
  // near: their first key or focus fetches every element the page has.
  const seen = new Set<string>();
  if (sight)
    for (const type of ['keydown', 'focusin'])
      addEventListener(type, () => seen.forEach(fetchFor), { capture: true, once: true });
  const load = (root: Element | Document): void => {
    for (const [tag, base] of tags) {
      if (!waiting.has(base)) continue;
      const found = [
        ...(root instanceof Element && root.matches(tag) ? [root] : []),
        ...root.querySelectorAll(tag),
      ];
      if (!found.length) continue;
      seen.add(tag);
      if (sight) for (const element of found) sight.observe(element);
      else fetchFor(tag);
    }
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => node instanceof Element && load(node));
    }
  });
  // Not while the page is still being parsed (an `EARLY` visitor's start, or no `data-start`):
  // our observer would run first in each of the parser's tasks, which would then be counted as
  // ours (Lighthouse credits a task to the first script in it). Heard on the window, after the
  // page's own listeners on the document (jQuery's ready), for the same reason.
  const discover = (): void => {
    observer.observe(document.documentElement, { childList: true, subtree: true });
    load(document);
  };
  if (document.readyState === 'loading')
    addEventListener('DOMContentLoaded', discover, { once: true });
  else discover();
});
