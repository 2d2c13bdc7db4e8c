import test from 'tape'
import type { PaneLine } from '../../lib/ui/message-lines.ts'
import { MARKER_LINE } from '../../lib/ui/message-lines.ts'
import { anchorForMarker, anchorIndex, scrollBy, visibleRange } from '../../lib/ui/scroll.ts'

const lines: PaneLine[] = Array.from({ length: 30 }, (_, i) => ({ id: `m${i}`, sub: 0, line: [] }))

test('following the bottom until scrolled; the anchor names a line, not a row', t => {
  t.deepEqual(visibleRange(lines, null, 10), { first: 20, last: 29, scrolled: false })
  const up = scrollBy(lines, null, 10, 5)
  t.deepEqual(up, { id: 'm24', sub: 0 })
  t.deepEqual(visibleRange(lines, up, 10), { first: 16, last: 24, scrolled: true }, 'one row is kept for "more below"')
  const more: PaneLine[] = [...lines, { id: 'new', sub: 0, line: [] }]
  t.deepEqual(visibleRange(more, up, 10), { first: 16, last: 24, scrolled: true }, 'a new message does not move the view')
  t.end()
})

test('scrolling stops at the top and returns to following at the bottom', t => {
  const top = scrollBy(lines, null, 10, 1000)
  t.deepEqual(visibleRange(lines, top, 10).first, 0)
  t.equal(scrollBy(lines, top, 10, -1000), null, 'back at the bottom: following again')
  t.equal(scrollBy(lines.slice(0, 5), null, 10, 3), null, 'nothing to scroll when all fits')
  t.end()
})

test('an anchor whose line is gone falls back sensibly', t => {
  t.equal(anchorIndex(lines, { id: 'm3', sub: 4 }), 3, 'a line of the item (after a resize re-wrapped it)')
  t.equal(anchorIndex(lines, { id: 'gone', sub: 0 }), 29, 'the bottom')
  t.end()
})

test('with many unread lines the marker starts at the top', t => {
  const withMarker: PaneLine[] = [...lines.slice(0, 5), { id: 'm5', sub: MARKER_LINE, line: [] }, ...lines.slice(5)]
  const anchor = anchorForMarker(withMarker, 10)
  t.equal(visibleRange(withMarker, anchor, 10).first, 5)
  t.equal(anchorForMarker(withMarker.slice(0, 12), 10), null, 'when the unread part fits, follow the bottom')
  t.end()
})
