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

// Clocks (DESIGN.md §5, docs/protocol.md §3). The logical counter is bounded
// so that no stamp a peer writes can overflow it on another node (a clock
// at the bound moves its wall forward by 1 ms instead); wall clocks before
// the epoch are invalid, so nothing can be dated before hallway existed.
export const MAX_LOGICAL = 0xffff
export const MIN_WALL_MS = Date.UTC(2023, 0, 1)
export const MAX_WALL_MS = 2 ** 52 // far beyond any real clock, well inside a double

// Writer feeds whose header (block 0) did not arrive in time wait, parked,
// for a later try; at most this many per chat (the rest are refused and
// counted), so announcing keys nobody serves costs the announcer, not us.
export const MAX_PARKED_FEEDS = 64
// Rejected feeds remembered per chat (so each is checked once); past this
// the oldest is forgotten, and checked again if announced again.
export const MAX_REJECTED_FEEDS = 4096
// Messages dated more than MAX_FUTURE_MS ahead wait until their time, at
// most this many per writer feed and per chat (the rest are refused and
// counted), so a feed full of future-dated entries cannot grow memory.
export const MAX_HELD_PER_FEED = 64
export const MAX_HELD_PER_CHAT = 1024
