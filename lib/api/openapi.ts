// The OpenAPI 3.1 document, generated from the route table and the very
// schema objects the server validates with (schemas.ts). OpenAPI 3.1
// schemas are JSON Schema 2020-12, which TypeBox writes; its own markers
// are symbol keys, which JSON leaves out.
import type { TSchema } from '@sinclair/typebox'
import { ErrorBody, NAMED_SCHEMAS } from './schemas.ts'
import type { Route } from './route.ts'

export interface OpenApiInfo { title: string, version: string, description: string }

type Json = Record<string, unknown>

const REASONS: Record<number, string> = {
  400: 'Bad JSON, or a field that does not match the schema (BAD_REQUEST), or a value the chat layer refuses (its code)',
  401: 'No bearer token, or not one this relay issued (UNAUTHORIZED)',
  403: 'The relay holds as many API members as it allows, all in use (FORBIDDEN), or the request comes from a web page of another origin (BAD_ORIGIN)',
  404: 'No such chat or person for this member (NOT_FOLLOWING, UNKNOWN_PERSON, UNKNOWN_MESSAGE)',
  405: 'The path exists with another method (METHOD_NOT_ALLOWED; see Allow)',
  409: 'The name belongs to an existing member: connect with its token (NAME_TAKEN)',
  413: 'The body is larger than the limit (PAYLOAD_TOO_LARGE)',
  415: 'The body is not sent as application/json (UNSUPPORTED_MEDIA_TYPE)',
  421: 'The Host header names a host this API does not answer for (BAD_HOST; see --http-host)',
  429: 'Too many requests, or event streams, for this token (RATE_LIMITED; see Retry-After)',
  500: 'A fault in the relay (INTERNAL); the relay log has the details',
  503: 'The relay is shutting down (CLOSED), or this member\'s node is not open (UNAVAILABLE)'
}

export function buildOpenApi (routes: Route[], info: OpenApiInfo): Json {
  const schemas: Json = {}
  for (const s of NAMED_SCHEMAS) schemas[s.title!] = plain(s)
  const paths: Record<string, Json> = {}
  for (const r of routes) {
    if (r.hidden) continue
    const item = paths[r.path] ??= {}
    item[r.method.toLowerCase()] = operation(r)
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The token POST /connect returned' }
      }
    }
  }
}

function operation (r: Route): Json {
  const op: Json = { operationId: r.operationId, summary: r.summary }
  if (r.description) op.description = r.description
  if (r.auth) op.security = [{ bearer: [] }]
  if (r.query) op.parameters = parameters(r.query)
  if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: ref(r.body) } } }
  const ok: Json = { description: r.response.description }
  if (r.response.schema) ok.content = { [r.response.type]: { schema: ref(r.response.schema) } }
  else ok.content = { [r.response.type]: { schema: { type: 'string' } } }
  const responses: Json = { 200: ok }
  const error = { content: { 'application/json': { schema: ref(ErrorBody) } } }
  // Any route answers 403 BAD_ORIGIN and 421 BAD_HOST (host-check.ts).
  const statuses = [...new Set([...r.errors, 403, 421])].sort((a, b) => a - b)
  for (const status of [...statuses, 500]) {
    const headers = status === 429 ? { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } } : status === 405 ? { Allow: { description: 'the methods the path takes', schema: { type: 'string' } } } : undefined
    responses[status] = { description: REASONS[status] ?? 'Error', ...error, ...(headers ? { headers } : {}) }
  }
  op.responses = responses
  return op
}

// A query object schema -> one parameter per property.
function parameters (query: TSchema): Json[] {
  const required = new Set<string>(query.required ?? [])
  return Object.entries(query.properties as Record<string, TSchema>).map(([name, schema]) => {
    const { description, ...rest } = plain(schema) as Json
    return { name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema: rest }
  })
}

// A named schema is referenced; any other is written out where it is used.
function ref (schema: TSchema): Json {
  return schema.title && NAMED_SCHEMAS.includes(schema) ? { $ref: `#/components/schemas/${schema.title}` } : plain(schema)
}

function plain (schema: TSchema): Json {
  return JSON.parse(JSON.stringify(schema)) as Json
}
