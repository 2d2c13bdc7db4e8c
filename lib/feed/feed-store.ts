// The Corestore in the data folder: our own feeds (one per chat, named inside
// the chat's namespace, so each device writes only its own cores) and the
// remote feeds we learn of. Knows nothing of sockets (STYLE.md): replicate()
// takes any secret stream.
import path from 'node:path'
import Corestore from 'corestore'
import type Hypercore from 'hypercore'
import { securePrivateFolder } from '../data-folder.ts'
import { checkFreeSpace } from '../disk-space.ts'
import { diskFullOr, hallwayError } from '../errors.ts'

export interface FeedKeys { id: Uint8Array, key: Uint8Array }

// Below this much free space, appends fail with DISK_FULL before RocksDB
// runs out mid-write.
export const MIN_FREE_BYTES = 8 * 1024 * 1024

export class FeedStore {
  private readonly store: Corestore
  private readonly dir: string
  private opened = false

  // The Corestore gets a folder of its own: on a first start it moves
  // files it finds beside it (our log, say) into its db/ folder.
  constructor (dir: string) {
    this.dir = dir
    this.store = new Corestore(path.join(dir, 'store'))
  }

  readonly checkSpace = (): Promise<void> => checkFreeSpace(this.dir, MIN_FREE_BYTES)

  async ready (): Promise<void> {
    if (this.opened) return
    try {
      await this.store.ready()
    } catch (err) {
      if (/lock/i.test(String((err as Error)?.message))) {
        throw hallwayError('DATA_LOCKED', 'the data folder is in use by another hallway process; stop it or use --data DIR', err)
      }
      throw diskFullOr(err)
    }
    // Corestore and RocksDB create store/ and their files with the
    // process's umask (0755/0644 by default); it holds the store's seed.
    await securePrivateFolder(path.join(this.dir, 'store'))
    this.opened = true
  }

  // Our writer feed for a chat: stable across restarts (derived from the
  // store's primary key, the chat id and a fixed name).
  async own (chat: FeedKeys): Promise<Hypercore> {
    const core = this.store.namespace(Buffer.from(chat.id).toString('hex')).get({ name: 'writer', encryption: { key: chat.key } })
    await core.ready()
    return core
  }

  async remote (key: Uint8Array, encryptionKey: Uint8Array | null): Promise<Hypercore> {
    const core = this.store.get({ key, encryption: encryptionKey ? { key: encryptionKey } : null })
    await core.ready()
    return core
  }

  replicate (stream: unknown): void {
    this.store.replicate(stream)
  }

  async close (): Promise<void> {
    await this.store.close()
  }
}
