// Drafts save as the author types: a save a moment after the last edit (PUT draft with the revision
// it was based on), one at a time, the newest draft winning. A 409 (another tab or device saved
// first) stops saving and says so, instead of overwriting that work. Until a save succeeds the
// draft is also kept in localStorage, so a reload or a lost connection loses nothing.

export type SaveState =
  | { kind: 'saved'; at: number }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict' };

export interface SaveResult<P> {
  revision: number;
  problems: P;
}

export interface AutosaveOptions<D, P> {
  /** Stores the draft; throws an error with `status` 409 when the revision is not the stored one. */
  save: (draft: D, revision: number) => Promise<SaveResult<P>>;
  revision: number;
  onState: (state: SaveState) => void;
  onSaved?: (result: SaveResult<P>) => void;
  /** localStorage key of the unsaved copy; none in tests that do not want one. */
  backupKey?: string;
  delayMs?: number;
}

interface Backup<D> {
  draft: D;
  revision: number;
}

/** The unsaved draft a previous page left, if it was based on the revision the server still has. */
export function readBackup<D>(key: string, revision: number): D | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const backup = JSON.parse(raw) as Backup<D>;
    if (backup.revision !== revision) {
      localStorage.removeItem(key); // the server moved on: that copy was saved, or is older
      return null;
    }
    return backup.draft;
  } catch {
    return null;
  }
}

export class Autosave<D, P> {
  private revision: number;
  private latest: D | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: AutosaveOptions<D, P>) {
    this.revision = options.revision;
  }

  /** The draft changed: save it soon. */
  change(draft: D): void {
    if (this.stopped) return;
    this.latest = draft;
    this.backup(draft);
    this.options.onState({ kind: 'pending' });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? 800);
  }

  /** Saves now whatever is waiting (before publishing, previewing or leaving). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    const draft = this.latest;
    if (draft === null || this.stopped) return;
    this.latest = null;
    this.options.onState({ kind: 'saving' });
    this.running = this.options
      .save(draft, this.revision)
      .then((result) => {
        this.revision = result.revision;
        this.options.onSaved?.(result);
        if (this.latest === null) {
          this.clearBackup();
          this.options.onState({ kind: 'saved', at: Date.now() });
        } else this.backup(this.latest);
      })
      .catch((error: { status?: number; message?: string }) => {
        if (error?.status === 409) {
          this.stopped = true;
          this.options.onState({ kind: 'conflict' });
          return;
        }
        // keep it for the next try: the next edit, or the retry button (flush)
        this.latest ??= draft;
        this.options.onState({ kind: 'failed', message: error?.message ?? '' });
      })
      .finally(() => {
        this.running = null;
      });
    await this.running;
  }

  get currentRevision(): number {
    return this.revision;
  }

  get hasUnsaved(): boolean {
    return this.latest !== null || this.running !== null;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.stopped = true;
  }

  private backup(draft: D) {
    if (!this.options.backupKey) return;
    try {
      localStorage.setItem(this.options.backupKey, JSON.stringify({ draft, revision: this.revision } satisfies Backup<D>));
    } catch {
      /* storage full or blocked: the server copy is all there is */
    }
  }

  private clearBackup() {
    if (!this.options.backupKey) return;
    try {
      localStorage.removeItem(this.options.backupKey);
    } catch {
      /* nothing to clear */
    }
  }
}
