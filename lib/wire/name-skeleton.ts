// When two names look alike (Unicode TR39, "confusable detection"): names
// whose skeletons are equal collide like equal names, so `аlice` (Cyrillic
// а), `ALICE`, `a1ice` or `alice` with an invisible character after it all
// stand beside `alice`, not in her place. The skeleton is a comparison key,
// never shown.
//
// This is TR39's skeleton (NFD, drop Default_Ignorable, map each character
// to its prototype, NFD) with two choices of ours: NFKC first (fullwidth,
// mathematical and other compatibility letters fold onto plain ones) and
// case folded (people type `@alice` for `Alice`). The map below is the part
// of Unicode's confusables.txt whose prototypes are Latin letters and digits
// from the scripts an office keyboard reaches (Cyrillic, Greek, Armenian,
// Latin look-alikes, digits): the names people are impersonated by. It is
// not the whole table (~6,000 lines); neither npm package fits in its place
// (docs/security.md, "Names").

// Characters that show as nothing or as blank space. Default_Ignorable
// covers the zero widths, soft hyphen, variation selectors, tags and the
// Hangul fillers (U+115F, U+1160, U+3164, U+FFA0: named too, being the
// ones used to pad names); U+2800 BRAILLE PATTERN BLANK is a symbol outside it.
export const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800\u115f\u1160\u3164\uffa0\u180e]/gu

// Prototypes, as confusables.txt gives them (lower case: folded after).
const PROTOTYPE: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ӏ: 'l', ѵ: 'v', ү: 'y', ь: 'b', п: 'n', г: 'r', ꙇ: 'i',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y', ϲ: 'c', ϳ: 'j', μ: 'u', ω: 'w',
  // Armenian
  օ: 'o', ս: 'u', ց: 'g', հ: 'h', ո: 'n', զ: 'q', ա: 'w',
  // Latin look-alikes and digits
  ı: 'l', ɩ: 'l', ĸ: 'k', ʟ: 'l', ɑ: 'a', ǀ: 'l', '|': 'l', '1': 'l', '0': 'o', ℓ: 'l', ꞁ: 'l'
}

// Strings that read as one letter (confusables.txt: `m` -> `rn`, `w` -> `vv`).
const SEQUENCES: Array<[RegExp, string]> = [[/rn/g, 'm'], [/vv/g, 'w'], [/cl/g, 'd']]

// The comparison key of a name. A tail that looks like a suffix is left
// out, so `alice.3f2a` from a peer collides with `alice` and is shown
// suffixed in turn, never as the second alice.
export function nameSkeleton (name: string): string {
  const skel = skeleton(name)
  return suffixed(skel) ? skel.slice(0, skel.lastIndexOf('.')) : skel
}

function skeleton (name: string): string {
  const folded = name.normalize('NFKC').replace(INVISIBLE, '').toLowerCase()
  let out = ''
  for (const ch of folded.normalize('NFD')) out += PROTOTYPE[ch] ?? ch
  for (const [re, to] of SEQUENCES) out = out.replace(re, to)
  // Case folding made `I` an `i`, and `I` reads as `l` (`AIice`): so `i` and
  // `l` are one letter here, as `1` and `|` already are.
  return out.replace(/i/g, 'l').normalize('NFD')
}

// `alice.3f2a`: a dot then four or more hex digits (or their look-alikes) at
// the end is how a suffixed name is shown (lib/chat/directory.ts); a name
// of one's own cannot end like that.
const HEX_SKELETONS = new Set([...'0123456789abcdef'].map(c => skeleton(c)))
export const MIN_SUFFIX_HEX = 4

export function looksSuffixed (name: string): boolean {
  return suffixed(skeleton(name))
}

function suffixed (skel: string): boolean {
  const dot = skel.lastIndexOf('.')
  if (dot < 0) return false
  const tail = [...skel.slice(dot + 1)]
  return tail.length >= MIN_SUFFIX_HEX && tail.every(c => HEX_SKELETONS.has(c))
}

// A name with nothing a person can see in it.
export function isBlank (name: string): boolean {
  return !/[\p{L}\p{N}\p{P}\p{S}]/u.test(name.replace(INVISIBLE, ''))
}
