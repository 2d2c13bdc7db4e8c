// Channels are `#name`; any other chat is a conversation with people (direct
// messages, once the chat layer has them): those ring the bell.
export function isDirectChat (chat: string): boolean {
  return !chat.startsWith('#')
}
