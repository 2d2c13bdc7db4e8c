// Which Host and Origin the API answers (issue 10, finding 7). A web page
// whose name its DNS points at 127.0.0.1 (DNS rebinding) reaches the API
// from the person's own browser, with its own name in Host; a page of any
// site may also send requests, with its Origin. Only this machine's
// loopback names, the address the API listens on, and names the operator
// configured (--http-host) are answered; a request with no Origin (curl, a
// bot) is fine, as only browsers send one.
import { apiError } from './api-error.ts'

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]']
const WILDCARD = new Set(['0.0.0.0', '::', '[::]'])

export class HostCheck {
  private readonly names: Set<string>
  private port = 0

  // names: configured host names (no port) besides the loopback ones.
  constructor (names: string[] = []) {
    this.names = new Set([...LOOPBACK, ...names.map(n => n.toLowerCase())])
  }

  // The address the server listens on, once it does: its port must be in
  // Host, and a specific address (not a wildcard) is a name of its own.
  listening (host: string, port: number): void {
    this.port = port
    const name = host.includes(':') ? `[${host.toLowerCase()}]` : host.toLowerCase()
    if (!WILDCARD.has(name)) this.names.add(name)
  }

  // Throws BAD_HOST (421) or BAD_ORIGIN (403).
  check (host: string | undefined, origin: string | undefined): void {
    // HTTP/1.1 requires Host (Node answers 400 without it); an HTTP/1.0
    // client with none is not a browser.
    if (host !== undefined && !this.allows(host)) {
      throw apiError('BAD_HOST', `this API answers only for ${this.describe()}: Host ${JSON.stringify(host.slice(0, 100))} is not one (a web page reaching it by DNS rebinding?); add a name with --http-host`)
    }
    if (origin !== undefined && !this.allowsOrigin(origin)) {
      throw apiError('BAD_ORIGIN', `requests from web pages are answered only from ${this.describe()}: Origin ${JSON.stringify(origin.slice(0, 100))} is not one`)
    }
  }

  private allowsOrigin (origin: string): boolean {
    let url: URL
    try {
      url = new URL(origin)
    } catch {
      return false // `null` (a sandboxed page, a file) among others
    }
    return url.protocol === 'http:' && url.pathname === '/' && url.username === '' && this.allows(url.port ? `${url.hostname}:${url.port}` : url.hostname)
  }

  private allows (host: string): boolean {
    const { name, port } = split(host.trim().toLowerCase())
    return this.names.has(name) && port === this.port
  }

  private describe (): string {
    return [...this.names].map(n => `${n}:${this.port}`).join(', ')
  }
}

// `name:port`, `[v6]:port` or a name alone (port 80, as HTTP has it).
function split (host: string): { name: string, port: number } {
  const colon = host.startsWith('[') ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':')
  if (colon < 0) return { name: host, port: 80 }
  const digits = host.slice(colon + 1)
  return { name: host.slice(0, colon), port: /^[0-9]{1,5}$/.test(digits) ? Number(digits) : -1 }
}
