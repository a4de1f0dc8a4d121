import { CrlfLines } from './crlf-lines';

const convert = (...chunks: string[]) => {
  const lines = new CrlfLines();
  const out = Buffer.concat(chunks.map((chunk) => lines.convert(Buffer.from(chunk)))).toString();
  return { out, lines: lines.lines };
};

describe('CrlfLines', () => {
  it('ends every line with CRLF and counts them', () => {
    expect(convert('a,b\nc,d\n')).toEqual({ out: 'a,b\r\nc,d\r\n', lines: 2 });
  });

  it('keeps line breaks inside quoted fields, doubled quotes included', () => {
    expect(convert('1,"two\nlines ""quoted""\nhere",x\n2,y\n')).toEqual({ out: '1,"two\nlines ""quoted""\nhere",x\r\n2,y\r\n', lines: 2 });
  });

  it('follows a quoted field across chunk boundaries, wherever the chunks split', () => {
    const csv = 'h1,h2\n"a\nb","c""\n"\n"","x"\n';
    const whole = convert(csv);
    expect(whole).toEqual({ out: 'h1,h2\r\n"a\nb","c""\n"\r\n"","x"\r\n', lines: 3 });
    for (let split = 0; split <= csv.length; split++) expect(convert(csv.slice(0, split), csv.slice(split))).toEqual(whole);
  });
});
