declare module 'compact-encoding' {
  import type { Encoding } from 'protomux'
  const c: { buffer: Encoding<Uint8Array | null>, raw: Encoding<Uint8Array>, none: Encoding<null> }
  export default c
}
