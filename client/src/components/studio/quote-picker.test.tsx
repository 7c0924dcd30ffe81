import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QuotePicker, type PickerArticle } from './quote-picker.tsx';
import { QuotesField } from './quote-fields.tsx';
import { renderableEditor } from './test-editor.tsx';

function articleOf(sentences: string[]): PickerArticle {
  let text = '';
  return {
    title: 'Proef',
    language: 'nl',
    sentences: sentences.map((s, i) => {
      if (text) text += ' ';
      const start = text.length;
      text += s;
      return { id: `${i}`, text: s, start, end: start + s.length, paragraph: i < 2 ? 0 : 1 };
    }),
    get text() {
      return text;
    },
  };
}

const article = articleOf(['Het regent.', 'Volgens een bron zou het morgen droog zijn.', 'Het regent.']);

describe('quote picker by keyboard', () => {
  it('picks sentences with Tab, arrows, Space and Enter, writes each as a quote, and gives focus back', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    const { Editor, draft } = renderableEditor({ questions: [{ cites: [] }] });
    render(() => (
      <Editor>
        <QuotesField path={['questions', 0, 'cites']} label="Zinnen bij de uitleg" />
        <QuotePicker article={article} />
      </Editor>
    ));
    await user.tab();
    const button = screen.getByRole('button', { name: /Kies in het artikel/ });
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    const list = await screen.findByRole('listbox', { name: /Zinnen bij de uitleg/ });
    expect(list).toHaveFocus();
    expect(screen.getAllByRole('option')).toHaveLength(3);
    await user.keyboard('{ArrowDown}{ArrowDown} ');
    expect(screen.getAllByRole('option')[2]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Shift>}{ArrowUp}{/Shift}');
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    // The repeated sentence gets the words before it, so it resolves to the third sentence only.
    expect((draft().questions as { cites: unknown }[])[0]!.cites).toEqual([
      { exact: 'Volgens een bron zou het morgen droog zijn.' },
      { exact: 'Het regent.', prefix: 'zijn.' },
    ]);
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Zinnen bij de uitleg, citaat 2' })).toHaveValue('Het regent.');
    expect(screen.getByRole('textbox', { name: 'Zinnen bij de uitleg, citaat 2' })).toHaveAccessibleDescription(/wat ervoor staat/);
  });

  it('takes a passage selected with the mouse as one quote, with context when its words repeat', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    const { Editor, draft } = renderableEditor({});
    render(() => (
      <Editor>
        <QuotesField path={['cites']} label="Zinnen" />
        <QuotePicker article={article} />
      </Editor>
    ));
    await user.click(screen.getByRole('button', { name: /Kies in het artikel/ }));
    const third = (await screen.findAllByRole('option'))[2]!;
    // select "regent" in the third sentence: it occurs in the first one too
    const range = document.createRange();
    range.setStart(third.firstChild!, 4);
    range.setEnd(third.firstChild!, 10);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    third.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    expect(await screen.findByText(/Geselecteerde tekst/)).toHaveTextContent('“regent”');
    await user.click(screen.getByRole('button', { name: 'Selectie toevoegen' }));
    expect(draft()).toEqual({ cites: [{ exact: 'regent', prefix: 'zijn. Het' }] }); // "Het regent" opens the article too
  });

  it('stops with Escape without changing the draft', async () => {
    const user = userEvent.setup();
    const { Editor, draft } = renderableEditor({});
    render(() => (
      <Editor>
        <QuotesField path={['focus']} label="Passage" />
        <QuotePicker article={article} />
      </Editor>
    ));
    await user.click(screen.getByRole('button', { name: /Kies in het artikel/ }));
    await screen.findByRole('listbox');
    await user.keyboard(' {Escape}');
    expect(draft()).toEqual({});
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });
});
