import { describe, expect, it } from 'vitest';
import { splitStatements } from './sql-split.ts';

describe('splitStatements', () => {
	it('splits on top-level semicolons only', () => {
		const script = `
-- a comment; with a semicolon
create table t (a text default 'x;y', "we;ird" int);
/* block; /* nested; */ still comment */
create function f() returns int language sql as $$ select 1; $$;
create function g() returns int language plpgsql as $body$ begin return 2; end $body$;
select E'it\\'s;', 'it''s;';
`;
		const statements = splitStatements(script);
		expect(statements).toHaveLength(4);
		expect(statements[0]).toContain(`'x;y'`);
		expect(statements[3]).toBe(`select E'it\\'s;', 'it''s;'`);
		expect(statements[1]).toContain('$$ select 1; $$');
		expect(statements[2]).toContain('$body$ begin return 2; end $body$');
	});

	it('ignores trailing comments and empty statements', () => {
		expect(splitStatements('select 1;; -- done\n')).toEqual(['select 1']);
	});
});
