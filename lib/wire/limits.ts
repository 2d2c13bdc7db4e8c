// Size caps applied before and after decoding, so that no block or frame from
// a peer can expand into unbounded work (STYLE.md: one schema, bounded decoding).

export const MAX_BLOCK_BYTES = 64 * 1024
export const MAX_ENTRIES_PER_BLOCK = 256
export const MAX_LIVE_FRAME_BYTES = 256 * 1024
// Chat keys in one Follow frame (chats + added + removed): 4096 keys is
// ~140 KB, well under MAX_LIVE_FRAME_BYTES. A larger set travels in pages.
export const MAX_FOLLOWED_CHATS = 4096
// Chats one peer may say it follows, held per connection. Honest peers tell
// a node only chats it may know of; a relay tells a relay everything it
// carries (MAX_BLIND_CHATS, lib/chat/chat-list.ts) plus its own chats.
export const MAX_PEER_FOLLOWS = 32768
export const MAX_WRITERS_PER_FRAME = 2048
export const MAX_TEXT_CHARS = 4000
export const MAX_NAME_CHARS = 32
export const MAX_CHANNEL_CHARS = 32
export const KEY_BYTES = 32
export const SIGNATURE_BYTES = 64
export const HEADER_VERSION = 1
export const LIVE_VERSION = 1
