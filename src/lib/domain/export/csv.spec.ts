import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, toCsv } from './csv.ts';

describe('csvField', () => {
	it('defuses text a spreadsheet would run as a formula', () => {
		expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvField('+32 2 123 45 67')).toBe(`'+32 2 123 45 67`);
		expect(csvField('-1')).toBe(`'-1`);
		expect(csvField('@SUM(A1)')).toBe(`'@SUM(A1)`);
		expect(csvField('\t=1')).toBe(`'\t=1`);
		expect(csvField('a=b')).toBe('a=b');
	});

	it('writes numbers with a decimal comma, negative numbers as numbers', () => {
		expect(csvField(4.3525)).toBe('4,3525');
		expect(csvField(-0.25)).toBe('-0,25');
		expect(csvField(1205395)).toBe('1205395');
		expect(csvField(Number.NaN)).toBe('');
	});

	it('quotes separators, quotes and line breaks (RFC 4180)', () => {
		expect(csvField('Rue Haute; 12')).toBe('"Rue Haute; 12"');
		expect(csvField('Le "Relais"')).toBe('"Le ""Relais"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('a, b')).toBe('a, b');
	});

	it('leaves empty values empty', () => {
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
		expect(csvField('')).toBe('');
		expect(csvField(false)).toBe('false');
	});
});

describe('toCsv', () => {
	const csv = toCsv(
		['nom', 'adresse', 'lat'],
		[
			['Café "Nabij"', 'Rue Haute 12;\r\n1000 Bruxelles', 50.8467],
			['=cmd|" /C calc"!A0', null, 50.85]
		]
	);

	it('starts with a byte order mark, separates with ; and ends every line with CRLF', () => {
		expect(csv.startsWith('\uFEFFnom;adresse;lat\r\n')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv).not.toMatch(/[^\r]\n(?!1000)/);
		expect(csv).not.toMatch(/^#/m);
	});

	it('reads back to the same cells, with formulas defused', () => {
		expect(parseCsv(csv)).toEqual([
			['nom', 'adresse', 'lat'],
			['Café "Nabij"', 'Rue Haute 12;\r\n1000 Bruxelles', '50,8467'],
			[`'=cmd|" /C calc"!A0`, '', '50,85']
		]);
	});

	it('writes a header alone for no rows', () => {
		expect(toCsv(['a', 'b'], [])).toBe('\uFEFFa;b\r\n');
	});
});
