/** `more` is the high-contrast theme; `normal` is the portal's own look. */
export type Contrast = 'more' | 'normal';

interface StoredPreferences {
  textScale?: number;
  contrast?: Contrast;
}

export const STORAGE_KEY = 'portal-widgets.preferences';
export const MIN_SCALE = 0.5;
export const MAX_SCALE = 3;

function isScale(value: unknown): value is number {
  return typeof value === 'number' && value >= MIN_SCALE && value <= MAX_SCALE;
}

/** Reads what this origin saved; anything unreadable or out of range counts as not saved. */
function readStored(): StoredPreferences {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { textScale, contrast } = parsed as Record<string, unknown>;
    return {
      textScale: isScale(textScale) ? textScale : undefined,
      contrast: contrast === 'more' || contrast === 'normal' ? contrast : undefined,
    };
  } catch {
    // Storage blocked (sandboxed frame, privacy mode) or corrupted: start from defaults.
    return {};
  }
}

/**
 * The visitor's text size and contrast, shared by every element on the page and, through the
 * `storage` event, by every tab of the portal. Saved in the portal's own localStorage only.
 * Dispatches `change` whenever the effective preferences change.
 */
export class PreferencesStore extends EventTarget {
  private stored = readStored();
  private readonly systemContrast = matchMedia('(prefers-contrast: more)');

  constructor() {
    super();
    addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY || event.key === null) {
        this.stored = readStored();
        this.notify();
      }
    });
    this.systemContrast.addEventListener('change', () => {
      if (!this.stored.contrast) this.notify();
    });
  }

  /** 1 is the visitor's own browser default. */
  get textScale(): number {
    return this.stored.textScale ?? 1;
  }

  /** The saved choice, or with nothing saved, the system's `prefers-contrast: more`. */
  get contrast(): Contrast {
    return this.stored.contrast ?? (this.systemContrast.matches ? 'more' : 'normal');
  }

  setTextScale(scale: number): void {
    this.save({ ...this.stored, textScale: Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale)) });
  }

  setContrast(contrast: Contrast): void {
    this.save({ ...this.stored, contrast });
  }

  private save(next: StoredPreferences): void {
    this.stored = next;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Not persisted, but the choice still applies to this page.
    }
    this.notify();
  }

  private notify(): void {
    this.dispatchEvent(new Event('change'));
  }
}
