export * from './entry.ts'
export * from './live.ts'
export * from './limits.ts'
export { isValidChannel, isValidName } from './validate.ts'
