// One HTTP route: what it takes and answers (the schemas, which openapi.ts
// publishes) and its handler, which only ever sees a body and a query that
// passed those same schemas.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Static, TSchema } from '@sinclair/typebox'
import type { ApiMember } from './member-pool.ts'
import { bodyChecker, queryChecker, queryObject } from './validator.ts'

export type Method = 'GET' | 'POST' | 'DELETE'

// What a handler answers: JSON (status 200 unless said), other content, or
// nothing when it wrote the response itself (the event stream).
export type Reply =
  | { json: unknown, status?: number }
  | { content: string | Buffer, type: string, status?: number, headers?: Record<string, string> }
  | null

export interface RequestInput {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  // The member the bearer token names; always set on routes with auth.
  member: ApiMember | null
  token: string | null
  body: unknown
}

export interface Context<B, Q> {
  req: IncomingMessage
  res: ServerResponse
  member: ApiMember
  token: string | null
  body: B
  query: Q
}

export interface RouteDoc {
  method: Method
  path: string
  operationId: string
  summary: string
  description?: string
  // A bearer token is required.
  auth: boolean
  // Not in the OpenAPI document (the docs page's own files).
  hidden?: boolean
  body?: TSchema
  query?: TSchema
  // The success answer: its content type and, for JSON, its schema.
  response: { type: string, schema?: TSchema, description: string }
  // Statuses this route can answer with an error body, besides 500.
  errors: number[]
}

export interface Route extends RouteDoc {
  handle (input: RequestInput): Promise<Reply>
}

// Without a body or query schema, B or Q is TSchema and its value unknown.
export function defineRoute<B extends TSchema = TSchema, Q extends TSchema = TSchema> (
  doc: Omit<RouteDoc, 'body' | 'query'> & { body?: B, query?: Q },
  handler: (ctx: Context<Static<B>, Static<Q>>) => Promise<Reply> | Reply
): Route {
  const checkBody = doc.body ? bodyChecker(doc.body) : null
  const checkQuery = doc.query ? queryChecker(doc.query) : null
  return {
    ...doc,
    async handle (input) {
      const query = queryObject(input.url.searchParams)
      const ctx = {
        req: input.req,
        res: input.res,
        member: input.member!,
        token: input.token,
        body: (checkBody ? checkBody(input.body, 'body') : undefined) as Static<B>,
        query: (checkQuery ? checkQuery(query, 'query') : undefined) as Static<Q>
      }
      return handler(ctx)
    }
  }
}
