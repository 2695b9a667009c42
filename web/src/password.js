// The password policy the server enforces: at least 8 characters and at
// least 3 of the 4 classes upper, lower, digit, symbol.
export function passwordClasses(pw) {
  let n = 0
  if (/[A-Z]/.test(pw)) n++
  if (/[a-z]/.test(pw)) n++
  if (/[0-9]/.test(pw)) n++
  if (/[^A-Za-z0-9]/.test(pw)) n++
  return n
}

export function passwordOk(pw) {
  return [...(pw || '')].length >= 8 && passwordClasses(pw || '') >= 3
}
