import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords, parseStreetCsv } from './csv.ts';
import { loadStreetRows } from './load-streets.node.ts';

const STREETS_CSV = new URL('../../../../data/brussels/rues_osm_index.csv', import.meta.url);

describe('parseCsv', () => {
	it('follows RFC 4180 quoting', () => {
		expect(parseCsv('a,"b ""c""",d\r\n1,"2,5","line\nbreak"\r\n')).toEqual([
			['a', 'b "c"', 'd'],
			['1', '2,5', 'line\nbreak']
		]);
	});

	it('keeps empty fields, drops a byte-order mark and reads a last line without a newline', () => {
		expect(parseCsv('\ufeffx,,z\n,,')).toEqual([
			['x', '', 'z'],
			['', '', '']
		]);
	});
});

describe('parseStreetCsv', () => {
	it('reads the street index in data/ into typed rows', async () => {
		const rows = await loadStreetRows(STREETS_CSV);
		expect(rows).toHaveLength(5984);
		expect(rows[0]).toEqual({
			name_osm: "'t Hof te Overbeke",
			name_fr: '',
			name_nl: '',
			nis: '21003',
			commune_fr: 'Berchem-Sainte-Agathe',
			commune_nl: 'Sint-Agatha-Berchem',
			lon: 4.286423,
			lat: 50.860334,
			length_m: 368,
			min_lon: 4.285676,
			min_lat: 50.859124,
			max_lon: 4.287286,
			max_lat: 50.860906
		});
	});

	it('reads quoted names with commas', () => {
		const text =
			'name_osm,name_fr,name_nl,nis,commune_fr,commune_nl,lon,lat,length_m,min_lon,min_lat,max_lon,max_lat\n' +
			'"Rue ""A"", B - ""A""-straat","Rue ""A"", B","""A""-straat",21004,Bruxelles,Brussel,4.35,50.85,10,4.34,50.84,4.36,50.86\n';
		expect(parseStreetCsv(text)[0]).toMatchObject({ name_fr: 'Rue "A", B', name_nl: '"A"-straat' });
	});

	it('fails loudly on a broken copy', () => {
		expect(() => parseStreetCsv('name_osm,lon\nx,1\n')).toThrow(/missing column/);
		const header =
			'name_osm,name_fr,name_nl,nis,commune_fr,commune_nl,lon,lat,length_m,min_lon,min_lat,max_lon,max_lat\n';
		expect(() => parseStreetCsv(`${header}a,b,c,1,d,e,east,50,1,1,1,1,1\n`)).toThrow(/line 2: lon/);
	});
});

describe('parseCsvRecords', () => {
	it('keys records by the header, with quotes, commas and newlines inside fields', () => {
		expect(parseCsvRecords('a,b\n"x, y","say ""hi""\nthere"\r\n1,\n\n')).toEqual([
			{ a: 'x, y', b: 'say "hi"\nthere' },
			{ a: '1', b: '' }
		]);
		expect(parseCsvRecords('')).toEqual([]);
	});
});
