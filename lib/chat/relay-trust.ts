// Which peers this node treats as relays. Any peer can say `relay: true` in
// its hello; a relay is a relay only when the node can verify it: its
// device key is pinned (`--relay-key HEX`), or the connection comes from a
// host the person named with `--relay HOST[:PORT]`. Only a verified relay
// is told our direct chats, counts as "relay connected" (and for handing
// over what we wrote before quitting), and can lead the node into a swarm.
// A relay verified by its host has its device key remembered for the rest
// of the process, so it stays verified when met again over another path.
import dns from 'node:dns/promises'
import net from 'node:net'
import type { Log } from '../log.ts'

export interface RelayClaim {
  device: string
  // The peer said `relay: true`.
  relay: boolean
  // The remote IP address of the connection, if it has one.
  address: string | null
}

export class RelayTrust {
  private readonly keys: Set<string>
  private readonly hosts: Set<string>
  private readonly log: Log

  // The relays named on the command line, their host names looked up once.
  static async open (keys: string[], relays: Array<{ host: string }>, log: Log): Promise<RelayTrust> {
    return new RelayTrust(keys, await relayHosts(relays, log), log)
  }

  constructor (keys: string[], hosts: string[], log: Log) {
    this.keys = new Set(keys.map(k => k.toLowerCase()))
    this.hosts = new Set(hosts.map(normalise))
    this.log = log
  }

  verify (peer: RelayClaim): boolean {
    if (!peer.relay) return false
    if (this.keys.has(peer.device)) return true
    if (peer.address !== null && this.hosts.has(normalise(peer.address))) {
      this.keys.add(peer.device)
      return true
    }
    this.log.warn({ peer: peer.device.slice(0, 16), address: peer.address, reason: 'unverified-relay' }, 'peer says it is a relay, but its key is not pinned and its host is not a configured relay: treated as a peer')
    return false
  }
}

function normalise (address: string): string {
  return address.replace(/^::ffff:/, '').toLowerCase()
}

// The addresses of the relays named with --relay: a peer connecting from
// one of them that says it is a relay is one. A name is
// looked up once, at start; one that does not resolve verifies nothing.
export async function relayHosts (relays: Array<{ host: string }>, log: Log): Promise<string[]> {
  const out: string[] = []
  for (const { host } of relays) {
    if (net.isIP(host)) {
      out.push(host)
      continue
    }
    try {
      for (const a of await dns.lookup(host, { all: true })) out.push(a.address)
    } catch (err) {
      log.warn({ host, err: String(err) }, 'relay host does not resolve: no relay verified by its address')
    }
  }
  return out
}
