// What the figures were taken on: they mean little without it.
import os from 'node:os'
import fs from 'node:fs'

export interface Machine { date: string, nproc: number, cpu: string, memGb: number, node: string, kernel: string, loadavg: number[] }

export function machine (): Machine {
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memGb: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
    node: process.version,
    kernel: os.release(),
    loadavg: os.loadavg().map(x => Math.round(x * 100) / 100)
  }
}

// Free space where the bench puts its folders (every open Corestore preallocates ~75 MB).
export function freeGb (dir: string): number {
  const s = fs.statfsSync(dir)
  return (s.bavail * s.bsize) / 2 ** 30
}
