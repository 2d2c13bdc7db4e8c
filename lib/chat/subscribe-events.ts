// Wires a sink to a node's published events, each turned into its JSON
// object by the event table: headless mode and the API's SSE streams both
// subscribe through here, so neither keeps a list of its own.
import type { EventEmitter } from 'node:events'
import { EVENT_TABLE, PUBLISHED_EVENTS, type EventJson, type EventOrigin, type PublishedEvent } from './event-table.ts'
import type { MessengerEvents } from './events.ts'

export type EventSource = EventEmitter<MessengerEvents> & EventOrigin

export type EventSink = (json: EventJson) => void

// Every published event by default; `names` picks some (an SSE stream
// takes STREAMED_EVENTS). Returns the unsubscribe function.
export function subscribeEvents (source: EventSource, sink: EventSink, names: readonly PublishedEvent[] = PUBLISHED_EVENTS): () => void {
  const offs = names.map(name => listen(source, name, sink))
  return () => { for (const off of offs) off() }
}

function listen<K extends PublishedEvent> (source: EventSource, name: K, sink: EventSink): () => void {
  // Node's typed emitter cannot check a listener for a generic event name;
  // the table's row for `name` is typed for exactly that event's payload.
  const json = EVENT_TABLE[name].json as (payload: MessengerEvents[K][0], origin: EventOrigin) => EventJson
  const emitter = source as unknown as EventEmitter
  const listener = (payload: MessengerEvents[K][0]): void => sink(json(payload, source))
  emitter.on(name, listener)
  return () => { emitter.off(name, listener) }
}
