// Reads a JSON request body, bounded: a declared length over the limit is
// refused before reading, and an undeclared (chunked) body is refused the
// moment it passes the limit; nothing past the limit is kept.
import type { IncomingMessage } from 'node:http'
import { apiError } from './api-error.ts'

export const DEFAULT_BODY_LIMIT = 64 * 1024

export async function readJsonBody (req: IncomingMessage, limit: number): Promise<unknown> {
  // A JSON content type also makes browsers preflight a cross-origin POST,
  // which this server never approves: web pages cannot drive the API.
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json') throw apiError('UNSUPPORTED_MEDIA_TYPE', 'send the body as Content-Type: application/json')
  const declared = req.headers['content-length']
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit)

  const body = await collect(req, limit)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    throw apiError('BAD_REQUEST', 'the body is not valid UTF-8')
  }
  if (text.trim() === '') throw apiError('BAD_REQUEST', 'the body is empty: send a JSON object')
  try {
    return JSON.parse(text)
  } catch {
    throw apiError('BAD_REQUEST', 'the body is not valid JSON')
  }
}

// Not `for await`: leaving that loop early destroys the socket, and the 413
// could not be sent. Here the request is only paused; the server answers
// with `Connection: close`.
function collect (req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = (err: Error | null): void => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', done)
      if (err) {
        req.pause()
        reject(err)
      } else resolve(Buffer.concat(chunks))
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limit) done(tooLarge(limit))
      else chunks.push(chunk)
    }
    const onEnd = (): void => done(null)
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', done)
  })
}

function tooLarge (limit: number): Error {
  return apiError('PAYLOAD_TOO_LARGE', `the body is larger than ${limit} bytes`)
}
