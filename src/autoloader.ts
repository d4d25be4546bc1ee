import { ELEMENT_LOADERS } from './elements.js';

const script =
  (document.currentScript as HTMLScriptElement | null) ??
  [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find(
    (candidate) => candidate.src === import.meta.url,
  ) ??
  null;

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

/**
 * With `data-start="load"`, nothing of ours is fetched before the page has loaded and painted
 * what it loaded: widgets that are not the page's main content then never share the network
 * with its pictures and styles, nor add their work to its start-up. A visitor who saved a text
 * size or contrast, or whose system asks for more contrast, gets them at once all the same.
 */
function whenStarting(start: (early: boolean) => void): void {
  let saved: string | null = null;
  try {
    // prefs/store.ts's STORAGE_KEY, written out: importing it would fetch its chunk at once.
    saved = localStorage.getItem('portal-widgets.preferences');
  } catch {
    // Storage blocked: nothing saved.
  }
  const early = Boolean(saved) || matchMedia('(prefers-contrast: more)').matches;
  if (script?.dataset.start !== 'load' || early) return start(early);
  // Once the browser is idle after the load event, it has painted what the page loaded last.
  // Not from a frame's callback: the frame's rendering, the page's, would be counted as ours.
  const go = () =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => start(false), { timeout: 1000 })
      : setTimeout(() => start(false), 50);
  if (document.readyState === 'complete') go();
  else addEventListener('load', go, { once: true });
}

whenStarting(
  (early) =>
    void import('./core/config.js').then(({ configureFromScript }) => {
      configureFromScript(script);
      // What <read-aloud article-id> asks portal-widgets.js for (an article's recordings), here
      // from the same client the other elements use, loaded when first asked.
      (window as { PortalWidgets?: object }).PortalWidgets ??= {
        getArticle: (id: string, element: Element) =>
          import('./backend/article-for.js').then(({ articleFor }) => articleFor(id, element)),
      };
      // The visitor's saved text size and contrast first, in a task of their own before any
      // element's: applied as the page opens, and never added to the text size bar's first task.
      const saved = early ? import('./prefs/apply-saved.js').catch(() => {}) : undefined;
      return Promise.resolve(saved)
        .then(() => import('./core/define.js'))
        .then(({ tagName, defineInTurns }) => {
          defineInTurns();
          const tags = new Map([...waiting].map((base) => [tagName(base), base]));
          if (script?.hasAttribute('data-cloak')) cloak([...tags.keys()]);

          const load = (root: Element | Document): void => {
            for (const [tag, base] of tags) {
              if (!waiting.has(base)) continue;
              if ((root instanceof Element && root.matches(tag)) || root.querySelector(tag)) {
                waiting.delete(base);
                ELEMENT_LOADERS[base]().catch((error: unknown) =>
                  console.error(`Portal Widgets: could not load <${tag}>.`, error),
                );
              }
            }
            if (!waiting.size) observer.disconnect();
          };
          const observer = new MutationObserver((records) => {
            for (const record of records) {
              record.addedNodes.forEach((node) => node instanceof Element && load(node));
            }
          });
          observer.observe(document.documentElement, { childList: true, subtree: true });
          load(document);
        });
    }),
);
