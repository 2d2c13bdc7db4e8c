// The one importer of the generated protobuf code. 64-bit fields decode to
// plain numbers (every value we store fits in 2^53: milliseconds and feed
// lengths), never to Long objects.
import protobuf from 'protobufjs/minimal.js'

protobuf.util.Long = null as unknown as typeof protobuf.util.Long
protobuf.configure()

export { hallway as pb } from './gen/hallway.js'
