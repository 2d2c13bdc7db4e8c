// One JSON file in the data folder, held in memory as `value` and written
// whole. Every JSON file hallway keeps (identity, settings, read markers,
// API members, the relay's storage state) goes through here, so each gets
// the same guarantees: a crash leaves the old file or the new one, never
// half of one; writes never overlap; a burst of saves costs at most one
// more write. This module is a leaf: every layer may import it.
import { randomBytes } from 'node:crypto'
import nodeFs, { type FileHandle } from 'node:fs/promises'
import { isProgrammerError } from './errors.ts'

// The calls JsonFile makes, so a test can slow one down or make it fail.
export interface JsonFileFs {
  readFile: (file: string, encoding: 'utf8') => Promise<string>
  open: (file: string, flags: string, mode: number) => Promise<FileHandle>
  rename: (from: string, to: string) => Promise<void>
  unlink: (file: string) => Promise<void>
}

export interface JsonFileOptions<T> {
  // The value while the file does not exist (and before load()).
  empty: () => T
  // Parsed JSON to a value: validate here, and throw (DATA_CORRUPT) or
  // repair, as the file deserves.
  parse: (json: unknown, file: string) => T
  // The file is not JSON at all: return a value to start afresh with, or
  // throw. Each caller decides; there is no default on purpose.
  damaged: (file: string, err: SyntaxError) => T
  // Default: JSON with two-space indents and a final newline.
  stringify?: (value: T) => string
  // Default 0o600: data files are the user's alone.
  mode?: number
  // How long saveSoon() waits; default 1000 ms.
  saveDelayMs?: number
  fs?: JsonFileFs
}

const DEFAULT_DELAY_MS = 1000

export class JsonFile<T> {
  readonly file: string
  value: T
  private readonly opts: JsonFileOptions<T>
  private readonly fs: JsonFileFs
  // The write on disk now, and the one that will follow it: every save()
  // made while `current` runs joins `next`, which starts when `current`
  // ends and serialises `value` only then, so it holds all their changes.
  private current: Promise<void> | null = null
  private next: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null

  constructor (file: string, opts: JsonFileOptions<T>) {
    this.file = file
    this.opts = opts
    this.fs = opts.fs ?? nodeFs
    this.value = opts.empty()
  }

  // Reads the file into `value` and returns it. A missing file is
  // `empty()`; other read errors reject.
  async load (): Promise<T> {
    let text: string
    try {
      text = await this.fs.readFile(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      this.value = this.opts.empty()
      return this.value
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (err) {
      this.value = this.opts.damaged(this.file, err as SyntaxError)
      return this.value
    }
    this.value = this.opts.parse(json, this.file)
    return this.value
  }

  // Resolves once a write holding the value as it is now is on disk;
  // rejects if that write fails (the next save tries again).
  save (): Promise<void> {
    this.cancelSoon()
    if (this.next) return this.next
    if (!this.current) return this.start()
    const next = this.current.catch(() => {}).then(() => {
      this.next = null
      return this.start()
    })
    this.next = next
    return next
  }

  // For values that change often and matter little (read markers): one
  // write for every change within saveDelayMs. A failed delayed write is
  // not reported; the next save writes the same changes again.
  saveSoon (): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.save().catch(err => { if (isProgrammerError(err)) throw err })
    }, this.opts.saveDelayMs ?? DEFAULT_DELAY_MS)
    this.timer.unref()
  }

  private cancelSoon (): void {
    if (!this.timer) return
    clearTimeout(this.timer)
    this.timer = null
  }

  private start (): Promise<void> {
    const write = this.write().finally(() => {
      if (this.current === write) this.current = null
    })
    this.current = write
    return write
  }

  // Temporary file, fsync, rename. The temporary name is unpredictable and
  // opened with O_EXCL ('wx'): a file or symlink planted in the folder under
  // a name we might use makes the write fail instead of writing through it.
  private async write (): Promise<void> {
    // Serialised before the first await: the write holds `value` as it is
    // when the write starts, and a stringify error becomes a rejection.
    const data = this.opts.stringify ? this.opts.stringify(this.value) : JSON.stringify(this.value, null, 2) + '\n'
    const tmp = `${this.file}.${randomBytes(16).toString('hex')}.tmp`
    const handle = await this.fs.open(tmp, 'wx', this.opts.mode ?? 0o600)
    try {
      try {
        await handle.writeFile(data)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await this.fs.rename(tmp, this.file)
    } catch (err) {
      await this.fs.unlink(tmp).catch(() => {})
      throw err
    }
  }
}
