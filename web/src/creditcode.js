// GB 32100-2015 unified social credit code: shape and check character.
const ALPHA = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export const creditCodeShapeOk = (s) => /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(s || '')

export function creditCodeCheckOk(s) {
  if (!creditCodeShapeOk(s)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += ALPHA.indexOf(s[i]) * W[i]
  const c = (31 - (sum % 31)) % 31
  return ALPHA[c] === s[17]
}
