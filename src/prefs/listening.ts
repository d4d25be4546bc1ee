/** The reading speeds offered, 1 being the voice's own. */
export const LISTENING_RATES = [0.75, 1, 1.25, 1.5] as const;

export const LISTENING_KEY = 'portal-widgets.listening';

interface StoredListening {
  rate?: number;
  /** The portal's recorded voice last chosen, by its id. */
  recording?: string;
  /** The browser's speech voice last chosen, by its `voiceURI`. */
  speechVoice?: string;
}

function readStored(): StoredListening {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(LISTENING_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { rate, recording, speechVoice } = parsed as Record<string, unknown>;
    return {
      rate: LISTENING_RATES.includes(rate as 1) ? (rate as number) : undefined,
      recording: typeof recording === 'string' ? recording : undefined,
      speechVoice: typeof speechVoice === 'string' ? speechVoice : undefined,
    };
  } catch {
    // Storage blocked or corrupted: start from defaults.
    return {};
  }
}

/**
 * How the visitor likes to listen (speed, voice), kept in the portal's own localStorage and
 * shared by every read-aloud on the page and, through the `storage` event, every tab. Apart
 * from the text-size and contrast store, so that the toolbar does not carry it. Dispatches
 * `change` when a choice changes.
 */
export class ListeningStore extends EventTarget {
  private stored = readStored();

  constructor() {
    super();
    addEventListener('storage', (event) => {
      if (event.key === LISTENING_KEY || event.key === null) {
        this.stored = readStored();
        this.dispatchEvent(new Event('change'));
      }
    });
  }

  get rate(): number {
    return this.stored.rate ?? 1;
  }

  get recording(): string | undefined {
    return this.stored.recording;
  }

  get speechVoice(): string | undefined {
    return this.stored.speechVoice;
  }

  save(choice: StoredListening): void {
    this.stored = { ...this.stored, ...choice };
    try {
      localStorage.setItem(LISTENING_KEY, JSON.stringify(this.stored));
    } catch {
      // Not persisted, but the choice still applies to this page.
    }
    this.dispatchEvent(new Event('change'));
  }
}

const PAGE_KEY = Symbol.for('portal-widgets.listening');

/** The page's one listening store, whichever copy of the library made it. */
export function getListeningStore(): ListeningStore {
  const registry = globalThis as { [PAGE_KEY]?: ListeningStore };
  return (registry[PAGE_KEY] ??= new ListeningStore());
}
