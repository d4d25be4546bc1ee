import { getConfig } from './config.js';

/** Marks classes of any copy of Portal Widgets, so a second copy on the page is recognised. */
export const PORTAL_WIDGETS_MARK = Symbol.for('portal-widgets.element');

type MarkedConstructor = CustomElementConstructor & { [PORTAL_WIDGETS_MARK]?: true };

/** Warnings already given on this page, shared by every copy of the bundle. */
const WARNED_KEY = Symbol.for('portal-widgets.warned');
const warned: Set<string> = ((globalThis as { [WARNED_KEY]?: Set<string> })[WARNED_KEY] ??=
  new Set());

/** Definitions held for the page's start-up, or undefined while elements are defined at once. */
let held: Array<() => void> | undefined;

/** The tag an element gets on this page: `font-scaler`, or `gov-font-scaler` with a prefix. */
export function tagName(baseTag: string, prefix = getConfig().prefix): string {
  return prefix ? `${prefix}-${baseTag}` : baseTag;
}

/**
 * Registers an element without ever throwing: when the name is already taken, by another copy of
 * Portal Widgets or by another library, it warns once and leaves the existing definition alone.
 * Returns whether this call defined the element (false while definitions are held, see
 * `holdDefinitions`).
 */
export function defineElement(name: string, ctor: CustomElementConstructor): boolean {
  if (held) {
    held.push(() => defineElement(name, ctor));
    return false;
  }
  if (turns) {
    turns = turns.then(nextTask).then(() => void defineNow(name, ctor));
    return false;
  }
  return defineNow(name, ctor);
}

function defineNow(name: string, ctor: CustomElementConstructor): boolean {
  const existing = customElements.get(name) as MarkedConstructor | undefined;
  if (existing) {
    if (existing[PORTAL_WIDGETS_MARK]) {
      if (!warned.has('copy') && existing !== ctor) {
        warned.add('copy');
        console.warn(
          'Portal Widgets: this page loads Portal Widgets more than once; the first copy is used. Keep one <script> tag for portal-widgets.js.',
        );
      }
    } else if (!warned.has(name)) {
      warned.add(name);
      console.warn(
        `Portal Widgets: the tag <${name}> is already used by another script on this page, so Portal Widgets left it alone. Add data-prefix="gov" to the Portal Widgets <script> tag and write <gov-${name}> instead.`,
      );
    }
    return false;
  }
  // A class can back only one tag, so a second name gets its own subclass.
  const alreadyNamed = customElements.getName(ctor) !== null;
  customElements.define(name, alreadyNamed ? class extends ctor {} : ctor);
  return true;
}

/** Resolves in a later task, so that the browser can paint and answer input in between. */
export function nextTask(): Promise<void> {
  const { scheduler } = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Definitions waiting for a task of their own, or undefined while elements are defined at once. */
let turns: Promise<void> | undefined;

/**
 * From now on, each element is defined in a task of its own, after the one that loaded its
 * module: evaluating a module and upgrading and rendering its elements then never add up to one
 * long task (the autoloader, whose modules arrive one by one).
 */
export function defineInTurns(): void {
  turns ??= Promise.resolve();
}

/** From now on, `defineElement` waits for `defineHeldInTurns` instead of defining at once. */
export function holdDefinitions(): void {
  held ??= [];
}

/**
 * Makes the held definitions in the order they were asked for, each in a task of its own: an
 * element's upgrade and first render then never join another's (or the page's) in one long task.
 */
export async function defineHeldInTurns(): Promise<void> {
  const definitions = held ?? [];
  held = undefined;
  for (const define of definitions) {
    await nextTask();
    define();
  }
}
