/** Cheap validity checks for identity numbers, so that look-alike numbers are not taken for them. */

const digits = (s: string): string => s.replace(/\D/g, '');

/** Brazilian CPF: 11 digits, two check digits (mod 11), not all the same digit. */
export function isValidCpf(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 11 || /^(\d)\1{10}$/.test(d)) return false;
  const check = (len: number): number => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += Number(d[i]) * (len + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return check(9) === Number(d[9]) && check(10) === Number(d[10]);
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter) with the control letter. */
export function isValidDniNie(raw: string): boolean {
  const s = raw.toUpperCase().replace(/[\s.-]/g, '');
  const m = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(s);
  if (!m) return false;
  const [, nie, num, letter] = m;
  if (nie && num!.length !== 7) return false;
  if (!nie && num!.length !== 8) return false;
  const n = Number((nie ? String('XYZ'.indexOf(nie)) : '') + num);
  return DNI_LETTERS[n % 23] === letter;
}

/** Mexican CURP shape: 4 letters, birth date, sex, state, 3 consonants, a check pair. */
export function isCurpShape(raw: string): boolean {
  return /^[A-Z][AEIOUX][A-Z]{2}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[HMX](AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|TC|TS|TL|VZ|YN|ZS|NE)[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d$/.test(raw.toUpperCase());
}
