// Reads the length prefixes of a secret stream's frames (3 bytes, little
// endian, then the frame) as they arrive on the socket, ahead of the stream
// itself: a frame larger than any honest message closes the connection
// before it is buffered (bad input costs the sender: DESIGN.md §6).
export class FrameGuard {
  private readonly max: number
  private need = 0 // bytes of the current frame still to skip
  private lenBytes = 0
  private len = 0

  constructor (maxFrameBytes: number) {
    this.max = maxFrameBytes
  }

  // Returns the offending frame length, or 0 when all is well.
  check (chunk: Uint8Array): number {
    let i = 0
    while (i < chunk.byteLength) {
      if (this.need > 0) {
        const skip = Math.min(this.need, chunk.byteLength - i)
        this.need -= skip
        i += skip
        continue
      }
      this.len += chunk[i++]! * 256 ** this.lenBytes
      if (++this.lenBytes < 3) continue
      if (this.len > this.max) return this.len
      this.need = this.len
      this.len = 0
      this.lenBytes = 0
    }
    return 0
  }
}
