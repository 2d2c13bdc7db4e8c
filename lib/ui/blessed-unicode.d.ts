// The part of blessed's internal unicode module that blessed-widths.ts
// replaces (blessed 0.1.81, lib/unicode.js; @types/blessed does not cover it).
declare module 'blessed/lib/unicode.js' {
  interface BlessedUnicode {
    charWidth: (str: string | number, i?: number) => number
    combining: Record<number, boolean>
    chars: { all: RegExp, wide: RegExp, swide: RegExp, combining: RegExp, surrogate: RegExp }
  }
  const unicode: BlessedUnicode
  export default unicode
}
