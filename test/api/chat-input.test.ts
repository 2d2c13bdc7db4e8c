import test from 'tape'
import { chatName } from '../../lib/api/chat-input.ts'
import { parseCommand } from '../../lib/chat/commands.ts'
import { HallwayError } from '../../lib/errors.ts'

function outcome (fn: () => string): string {
  try {
    return fn()
  } catch (err) {
    if (!(err instanceof HallwayError)) throw err
    return `${err.code}: ${err.message}`
  }
}

test('chatName: channels as /join takes them, people as written', t => {
  t.equal(chatName('#Dev'), '#dev', 'upper case is folded')
  t.equal(chatName('@alice'), '@alice', 'a person is left to the Messenger')
  t.equal(chatName('@' + 'ab'.repeat(32)), '@' + 'ab'.repeat(32), 'so is a chatKey')
  t.match(outcome(() => chatName('dev')), /^BAD_CHANNEL_NAME: dev is not a chat/, 'the API wants the #')
  t.match(outcome(() => chatName('#a b')), /^BAD_CHANNEL_NAME: #a b is not a chat/, 'no white space')
  t.end()
})

test('chatName and /join accept the same channels and refuse them with the same error', t => {
  for (const raw of ['#general', '#Dev', '#dev-ops_1', '#x', '#', '#-x', '#bad!name', '#é', '#' + 'a'.repeat(32), '#' + 'a'.repeat(33)]) {
    const join = outcome(() => { const cmd = parseCommand(`/join ${raw}`); return cmd.type === 'join' ? cmd.chat : cmd.type })
    t.equal(outcome(() => chatName(raw)), join, `${raw}: ${join}`)
  }
  t.end()
})
