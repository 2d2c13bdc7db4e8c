// Size caps applied before and after decoding, so that no block or frame from
// a peer can expand into unbounded work (STYLE.md: one schema, bounded decoding).

export const MAX_BLOCK_BYTES = 64 * 1024
export const MAX_ENTRIES_PER_BLOCK = 256
export const MAX_LIVE_FRAME_BYTES = 256 * 1024
export const MAX_FOLLOWED_CHATS = 4096
export const MAX_WRITERS_PER_FRAME = 2048
export const MAX_TEXT_CHARS = 4000
export const MAX_NAME_CHARS = 32
export const MAX_CHANNEL_CHARS = 32
export const KEY_BYTES = 32
export const SIGNATURE_BYTES = 64
export const HEADER_VERSION = 1
export const LIVE_VERSION = 1
