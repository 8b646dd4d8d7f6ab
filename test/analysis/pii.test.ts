import { isCurpShape, isValidCpf, isValidDniNie } from '../../src/analysis/pii/checksums';
import { detectPii } from '../../src/analysis/pii/detect-pii';

const found = (text: string): Array<[string, string]> => detectPii(text).map((p) => [p.category, text.slice(p.start, p.end)]);

describe('checksums', () => {
  it('accept valid CPF, DNI and NIE numbers and reject altered ones', () => {
    expect(isValidCpf('529.982.247-25')).toBe(true);
    expect(isValidCpf('529.982.247-26')).toBe(false);
    expect(isValidCpf('111.111.111-11')).toBe(false);
    expect(isValidDniNie('12345678Z')).toBe(true);
    expect(isValidDniNie('12345678A')).toBe(false);
    expect(isValidDniNie('X1234567L')).toBe(true);
    expect(isValidDniNie('Y1234567L')).toBe(false);
  });
  it('recognise the CURP shape', () => {
    expect(isCurpShape('GODE561231HDFRRN09')).toBe(true);
    expect(isCurpShape('GODE561331HDFRRN09')).toBe(false);
  });
});

describe('PII detection', () => {
  it('finds e-mail, phone, documents, birth date, address and names in Spanish', () => {
    expect(found('Se llama María José Ramos, nacida el 12/03/1990. DNI 12345678Z. Vive en Calle Mayor 12. Móvil 612 345 678, correo mjramos@gmail.com.')).toEqual([
      ['person', 'María José Ramos'], ['date-of-birth', '12/03/1990'], ['document', '12345678Z'], ['address', 'Calle Mayor 12'],
      ['phone', '612 345 678'], ['email', 'mjramos@gmail.com'],
    ]);
    expect(found('Cédula 1.023.456.789; CURP GODE561231HDFRRN09; Carrera 7 # 45-12, Bogotá.')).toEqual([
      ['document', '1.023.456.789'], ['document', 'GODE561231HDFRRN09'], ['address', 'Carrera 7 # 45-12'],
    ]);
  });

  it('finds them in Portuguese', () => {
    expect(found('Chama-se Ana Paula Souza, CPF 529.982.247-25, RG 12.345.678-9, nascida em 3 de maio de 1988. Mora na Rua das Flores, 123. Tel. (11) 98765-4321.')).toEqual([
      ['person', 'Ana Paula Souza'], ['document', '529.982.247-25'], ['document', '12.345.678-9'], ['date-of-birth', '3 de maio de 1988'],
      ['address', 'Rua das Flores, 123'], ['phone', '(11) 98765-4321'],
    ]);
  });

  it('finds them in English', () => {
    expect(found('Her name is Grace Mensah, DOB 1994-07-21, passport AB1234567. She lived at 1420 Maple Avenue. Call +1 212 555 0199 or g.mensah@outlook.com.')).toEqual([
      ['person', 'Grace Mensah'], ['date-of-birth', '1994-07-21'], ['document', 'AB1234567'], ['address', '1420 Maple Avenue'],
      ['phone', '+1 212 555 0199'], ['email', 'g.mensah@outlook.com'],
    ]);
  });

  it('leaves alone money, event dates, durations and "the street" without a number', () => {
    expect(found('Debía 2.500.000 pesos y pagó 1 500 000 pesos. Llegó el 03/05/2023 y vivía en la calle hace 3 años.')).toEqual([]);
    expect(found('She owed $5,000 and worked 16 hours a day from 12/01/2022.')).toEqual([]);
    expect(found('Ela disse que o chefe se chama.')).toEqual([]);
  });

  it('gives UTF-16 offsets into the original text, also after characters outside the BMP', () => {
    const text = '😀 Correo: ana@example.com';
    const [p] = detectPii(text);
    expect(p).toMatchObject({ category: 'email', start: 11, end: 26 });
    expect(text.slice(p!.start, p!.end)).toBe('ana@example.com');
  });
});
