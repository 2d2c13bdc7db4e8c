// Compiles the TypeBox schemas with ajv. Bodies are JSON and must match as
// they are; query strings are all text, so their validator coerces
// ("limit=5" -> 5) and fills defaults. A failure is a 400 BAD_REQUEST that
// names the field.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import type { Static, TSchema } from '@sinclair/typebox'
import { apiError } from './api-error.ts'

const bodies = new Ajv({ strict: true, allErrors: false })
const queries = new Ajv({ strict: true, allErrors: false, coerceTypes: true, useDefaults: true })

export type Check<T extends TSchema> = (value: unknown, where: string) => Static<T>

function checker<T extends TSchema> (ajv: Ajv, schema: T): Check<T> {
  const validate: ValidateFunction = ajv.compile(schema)
  return (value, where) => {
    if (validate(value)) return value as Static<T>
    throw apiError('BAD_REQUEST', `${where}: ${describe(validate.errors?.[0])}`)
  }
}

export function bodyChecker<T extends TSchema> (schema: T): Check<T> {
  return checker(bodies, schema)
}

export function queryChecker<T extends TSchema> (schema: T): Check<T> {
  return checker(queries, schema)
}

// URLSearchParams -> a plain object; a repeated key becomes an array, which
// the schema then refuses (one value per field).
export function queryObject (params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null)
  for (const [key, value] of params) {
    const prev = out[key]
    out[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value]
  }
  return out
}

function describe (e: ErrorObject | undefined): string {
  if (!e) return 'invalid'
  const field = e.instancePath === '' ? '' : e.instancePath.slice(1).replace(/\//g, '.') + ' '
  switch (e.keyword) {
    case 'required': return `${e.params.missingProperty as string} is required`
    case 'additionalProperties': return `unknown field ${e.params.additionalProperty as string}`
    case 'pattern': return `${field}is not valid (see /openapi.json)`
    default: return `${field}${e.message ?? 'is invalid'}`
  }
}
