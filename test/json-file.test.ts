// JsonFile: the one way a JSON file in the data folder is read and written.
// A spy file system (the real one, with renames that can be held or made to
// fail) makes writes observable without sleeps.
import fs from 'node:fs/promises'
import path from 'node:path'
import test, { type Test } from 'tape'
import { hallwayError, type HallwayError } from '../lib/errors.ts'
import { JsonFile, type JsonFileFs, type JsonFileOptions } from '../lib/json-file.ts'
import { tmpDir } from './helpers/peers.ts'

interface Counter { n: number }

const COUNTER: JsonFileOptions<Counter> = {
  empty: () => ({ n: 0 }),
  parse: json => ({ n: Number((json as Partial<Counter> | null)?.n ?? 0) }),
  damaged: file => { throw hallwayError('DATA_CORRUPT', `${file} is damaged`) }
}

// The real file system, except that each rename can be held until the test
// lets it go, or made to fail; and every rename and open is recorded.
class SpyFs implements JsonFileFs {
  renames = 0
  opened: Array<{ file: string, flags: string, mode: number }> = []
  hold = false
  // Which rename calls fail (0 is the first).
  failing = new Set<number>()
  private calls = 0
  private held: Array<() => void> = []
  private waiters: Array<() => void> = []

  readFile = (file: string, encoding: 'utf8'): Promise<string> => fs.readFile(file, encoding)
  unlink = (file: string): Promise<void> => fs.unlink(file)

  open = (file: string, flags: string, mode: number): Promise<fs.FileHandle> => {
    this.opened.push({ file, flags, mode })
    return fs.open(file, flags, mode)
  }

  rename = async (from: string, to: string): Promise<void> => {
    const call = this.calls++
    if (this.hold) {
      await new Promise<void>(resolve => {
        this.held.push(resolve)
        for (const w of this.waiters.splice(0)) w()
      })
    }
    if (this.failing.has(call)) {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    }
    await fs.rename(from, to)
    this.renames++
  }

  // Resolves once a rename is waiting to be let go.
  heldRename (): Promise<void> {
    if (this.held.length > 0) return Promise.resolve()
    return new Promise(resolve => this.waiters.push(resolve))
  }

  release (): void {
    this.held.shift()!()
  }
}

async function onDisk (file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(file, 'utf8'))
}

async function setup (t: Test): Promise<{ dir: string, file: string, spy: SpyFs, json: JsonFile<Counter> }> {
  const dir = await tmpDir(t, 'json')
  const file = path.join(dir, 'counter.json')
  const spy = new SpyFs()
  return { dir, file, spy, json: new JsonFile(file, { ...COUNTER, fs: spy }) }
}

test('a missing file loads as empty; a saved value loads back', async t => {
  const { file, json } = await setup(t)
  t.deepEqual(await json.load(), { n: 0 }, 'missing: empty()')
  json.value = { n: 42 }
  await json.save()
  t.deepEqual(await onDisk(file), { n: 42 }, 'on disk')
  t.equal(await fs.readFile(file, 'utf8'), '{\n  "n": 42\n}\n', 'indented, with a final newline')
  const again = new JsonFile(file, COUNTER)
  t.deepEqual(await again.load(), { n: 42 }, 'loaded back')
  t.deepEqual(again.value, { n: 42 }, 'and held as value')
})

test('a file that is not JSON goes to damaged(), which decides', async t => {
  const { dir, file } = await setup(t)
  await fs.writeFile(file, '{"n": 4')
  const strict = new JsonFile(file, COUNTER)
  await strict.load().then(() => t.fail('loaded'), (err: HallwayError) => {
    t.equal(err.code, 'DATA_CORRUPT', 'a caller that must fail fails')
    t.ok(err.message.includes(file), 'naming the file')
  })
  const lenient = new JsonFile(file, { ...COUNTER, damaged: () => ({ n: -1 }) })
  t.deepEqual(await lenient.load(), { n: -1 }, 'a caller that starts afresh starts afresh')
  t.equal(await fs.readFile(file, 'utf8'), '{"n": 4', 'loading never rewrites the damaged file')
  t.deepEqual(await fs.readdir(dir), ['counter.json'])
})

test('parse() sees the JSON and the file name, and may refuse it', async t => {
  const { file } = await setup(t)
  await fs.writeFile(file, '[1,2]')
  const json = new JsonFile<Counter>(file, {
    ...COUNTER,
    parse: (v, name) => { if (Array.isArray(v)) throw hallwayError('DATA_CORRUPT', `${name}: an array`); return { n: 0 } }
  })
  await json.load().then(() => t.fail('loaded'), (err: HallwayError) => t.equal(err.message, `${file}: an array`))
})

test('saves during a slow write cost one more write, each resolving once its change is on disk', async t => {
  const { file, spy, json } = await setup(t)
  spy.hold = true
  json.value = { n: 1 }
  const first = json.save()
  await spy.heldRename()
  const resolved: number[] = []
  const later = [2, 3, 4, 5, 6].map(n => {
    json.value = { n }
    return json.save().then(async () => {
      resolved.push(n)
      t.ok(((await onDisk(file)) as Counter).n >= n, `save of ${n} resolves with ${n} on disk`)
    })
  })
  t.equal(new Set(later).size, later.length, 'each caller has its own promise')
  spy.release()
  await first
  t.deepEqual(await onDisk(file), { n: 1 }, 'the first write holds what it started with')
  await spy.heldRename()
  t.deepEqual(resolved, [], 'no later save resolves before its write is renamed into place')
  spy.hold = false
  spy.release()
  await Promise.all(later)
  t.equal(spy.renames, 2, 'six saves, two writes')
  t.deepEqual(await onDisk(file), { n: 6 })
})

test('a failed write rejects its saves, leaves no temporary file, and the next save tries again', async t => {
  const { dir, file, spy, json } = await setup(t)
  json.value = { n: 1 }
  await json.save()
  spy.failing.add(1)
  json.value = { n: 2 }
  await json.save().then(() => t.fail('saved'), (err: NodeJS.ErrnoException) => t.equal(err.code, 'ENOSPC', 'rejects with the error'))
  t.deepEqual(await fs.readdir(dir), ['counter.json'], 'the temporary file is removed')
  t.deepEqual(await onDisk(file), { n: 1 }, 'the old file stays whole')
  await json.save()
  t.deepEqual(await onDisk(file), { n: 2 }, 'the next save writes')
})

test('a failed write rejects every save that joined it and does not stop the one queued behind it', async t => {
  const { file, spy, json } = await setup(t)
  spy.hold = true
  spy.failing.add(1)
  json.value = { n: 1 }
  const first = json.save()
  await spy.heldRename()
  json.value = { n: 2 }
  const joined = [json.save(), json.save()]
  spy.release()
  await first
  await spy.heldRename()
  json.value = { n: 3 }
  const behind = json.save()
  spy.hold = false
  spy.release()
  for (const p of joined) await p.then(() => t.fail('saved'), (err: NodeJS.ErrnoException) => t.equal(err.code, 'ENOSPC', 'a save that joined the failed write rejects'))
  await behind
  t.deepEqual(await onDisk(file), { n: 3 }, 'the save queued behind it writes')
})

test('saveSoon() writes a burst of changes once, after a delay', async t => {
  const { file, spy } = await setup(t)
  const json = new JsonFile(file, { ...COUNTER, fs: spy, saveDelayMs: 20 })
  // The delay timer does not keep a process alive; this one does, and
  // fails the test if the write never comes.
  const guard = setTimeout(() => t.fail('no write within 5 s'), 5000)
  spy.hold = true
  for (let n = 1; n <= 5; n++) {
    json.value = { n }
    json.saveSoon()
  }
  t.equal(spy.opened.length, 0, 'nothing written yet')
  await spy.heldRename()
  clearTimeout(guard)
  t.equal(spy.opened.length, 1, 'one write for the burst')
  t.deepEqual(await onDisk(spy.opened[0]!.file), { n: 5 }, 'holding the last change')
  spy.hold = false
  spy.release()
  await json.save()
  t.deepEqual(await onDisk(file), { n: 5 })
})

test('temporary files: exclusive, unpredictable, in the same folder, mode 0600', async t => {
  const { dir, file, spy, json } = await setup(t)
  await json.save()
  await json.save()
  const [a, b] = spy.opened
  t.equal(a!.flags, 'wx', 'opened exclusively (O_CREAT|O_EXCL)')
  t.equal(path.dirname(a!.file), dir, 'in the same folder, so the rename is atomic')
  t.match(path.basename(a!.file), /^counter\.json\.[0-9a-f]{32}\.tmp$/, '128 random bits in the name')
  t.notEqual(a!.file, b!.file, 'a new name each time')
  t.equal((await fs.stat(file)).mode & 0o777, 0o600, 'the file is private to its owner')
  const open = new JsonFile(file, { ...COUNTER, mode: 0o644 })
  await open.save()
  t.equal((await fs.stat(file)).mode & 0o777, 0o644 & ~process.umask(), 'unless a mode is given')
})

test('a symlink planted at the temporary name is never written through', async t => {
  const { dir, file } = await setup(t)
  const victim = path.join(dir, 'victim')
  await fs.writeFile(victim, 'precious')
  // An attacker who could predict the name (or won the race for it) has put
  // a symlink there: the write must fail rather than follow it.
  const planting: JsonFileFs = {
    readFile: (f, e) => fs.readFile(f, e),
    unlink: f => fs.unlink(f),
    rename: (from, to) => fs.rename(from, to),
    open: async (f, flags, mode) => {
      await fs.symlink(victim, f)
      return fs.open(f, flags, mode)
    }
  }
  const json = new JsonFile(file, { ...COUNTER, fs: planting })
  json.value = { n: 7 }
  await json.save().then(() => t.fail('saved'), (err: NodeJS.ErrnoException) => t.equal(err.code, 'EEXIST', 'EEXIST'))
  t.equal(await fs.readFile(victim, 'utf8'), 'precious', 'the symlink target is untouched')
  await fs.access(file).then(() => t.fail('file written'), () => t.pass('and nothing was renamed into place'))
  const links = (await fs.readdir(dir)).filter(n => n.endsWith('.tmp'))
  t.equal(links.length, 1, 'the planted link is left alone, not deleted as if it were ours')
})

test('symlinks planted at the names the old writer used are not followed', async t => {
  const { dir, file } = await setup(t)
  const victim = path.join(dir, 'victim')
  await fs.writeFile(victim, 'precious')
  for (let i = 0; i < 8; i++) await fs.symlink(victim, `${file}.${process.pid}.${i}.tmp`)
  const json = new JsonFile(file, COUNTER)
  json.value = { n: 3 }
  await json.save()
  await json.save()
  t.equal(await fs.readFile(victim, 'utf8'), 'precious', 'the symlink target is untouched')
  t.deepEqual(await onDisk(file), { n: 3 }, 'the file is written')
})
