import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LocalizedField } from './fields.tsx';
import { ProblemList } from './problem-list.tsx';
import { QuotesField } from './quote-fields.tsx';
import { renderableEditor } from './test-editor.tsx';
import { UndoControls } from './undo-controls.tsx';

describe('checker problems at their fields', () => {
  it('marks the field invalid, describes it by the message, and links to it from the list', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    const { Editor, setProblems, editor } = renderableEditor({ title: { nl: 'Wie zegt wat?' } });
    render(() => (
      <Editor>
        <LocalizedField path={['title']} label="Titel" />
        <QuotesField path={['questions', 0, 'cites']} label="Zinnen bij de uitleg" />
        <ProblemList problems={editor().problems()} />
      </Editor>
    ));
    const en = screen.getByRole('textbox', { name: 'Titel (Engels)' });
    expect(en).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('heading', { name: /Klaar om te publiceren/ })).toBeInTheDocument();

    setProblems([
      { path: ['title', 'en'], message: 'missing text in English' },
      // a problem deeper than any field is shown at the nearest one that holds it
      { path: ['questions', 0, 'cites', 'x'], message: 'an explanation cites the article' },
    ]);
    expect(en).toHaveAttribute('aria-invalid', 'true');
    expect(en).toHaveAccessibleDescription('missing text in English');
    expect(screen.getByRole('textbox', { name: 'Titel (Nederlands)' })).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('group', { name: 'Zinnen bij de uitleg' })).toHaveAccessibleDescription('an explanation cites the article');
    expect(screen.getByRole('heading', { name: /Nog 2 dingen te doen/ })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Titel › Engels' }));
    expect(en).toHaveFocus();
    await user.type(en, 'Who says what?');
    expect(editor().draft()).toEqual({ title: { nl: 'Wie zegt wat?', en: 'Who says what?' } });
  });
});

describe('undo of the last edits', () => {
  it('takes back a run of typing as one step, by button and by Ctrl+Z outside the text field, and redoes it', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    let said = '';
    const { Editor, draft } = renderableEditor({ summary: { nl: 'Een les.' } });
    render(() => (
      <Editor>
        <LocalizedField path={['summary']} label="Samenvatting" />
        <UndoControls onSaid={(m) => (said = m)} />
      </Editor>
    ));
    const undo = screen.getByRole('button', { name: 'Ongedaan maken' });
    expect(undo).toBeDisabled();
    const nl = screen.getByRole('textbox', { name: 'Samenvatting (Nederlands)' });
    await user.type(nl, ' Over bronnen.');
    expect(nl).toHaveValue('Een les. Over bronnen.');
    // Ctrl+Z in the field is the browser's own undo of the typing, not the editor's
    await user.keyboard('{Control>}z{/Control}');
    expect(draft()).toEqual({ summary: { nl: 'Een les. Over bronnen.' } });

    await user.click(undo);
    expect(nl).toHaveValue('Een les.');
    expect(said).toBe('Ongedaan gemaakt.');
    expect(undo).toBeDisabled();

    await user.click(document.body);
    await user.keyboard('{Control>}y{/Control}');
    expect(nl).toHaveValue('Een les. Over bronnen.');
    await user.keyboard('{Control>}z{/Control}');
    expect(draft()).toEqual({ summary: { nl: 'Een les.' } });
  });
});
