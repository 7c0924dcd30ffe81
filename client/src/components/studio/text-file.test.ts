import { describe, expect, it } from 'vitest';
import { markdownToText, textFromFile } from './text-file.ts';

describe('uploaded article text', () => {
  it('takes Markdown markup off and the first heading as title, keeping paragraphs', () => {
    const md = '# Trump dreigt Apple\n\nDat **zou** de prijs _verhogen_, aldus [analisten](https://x.nl).\n\n## Reactie\n\n- Apple reageerde niet.\n';
    expect(markdownToText(md)).toEqual({
      title: 'Trump dreigt Apple',
      text: 'Dat zou de prijs verhogen, aldus analisten.\n\nReactie\n\nApple reageerde niet.',
    });
  });

  it('reads a .txt as it is and refuses a binary file', async () => {
    expect(await textFromFile(Object.assign(new Blob(['Een zin.\r\n\r\nNog een.']), { name: 'a.txt' }))).toEqual({ text: 'Een zin.\n\nNog een.' });
    expect(await textFromFile(Object.assign(new Blob(['PK\u0003\u0004\u0000']), { name: 'a.txt' }))).toBeNull();
  });
});
