// A field of quotes from the article (a question's cites, focus, a highlight key): each quote's
// exact text (editable, to cut a sentence down to the words that matter), its context when the
// text repeats, a way to remove it, and the button that starts picking in the article.
import { Index, Show, type JSX } from 'solid-js';
import type { Quote } from '../../../../lessons/format.ts';
import { t } from '../../i18n/studio.ts';
import { fieldId, useDraft, type Path } from './draft-context.tsx';
import { Hint, Problems, useFieldProblems } from './fields.tsx';

function QuoteRow(props: { path: Path; index: number; label: string; onRemove?: () => void }): JSX.Element {
  const editor = useDraft();
  const field = useFieldProblems(() => props.path);
  const quote = () => editor.get<Quote>(props.path);
  return (
    <li class="st-quote">
      <label class="tw-sr-only" for={field.id()}>
        {t('studio.quoteN')(props.label, props.index + 1)}
      </label>
      <textarea
        id={field.id()}
        class="st-quote-text"
        rows={2}
        value={quote()?.exact ?? ''}
        onInput={(e) => editor.set([...props.path, 'exact'], e.currentTarget.value)}
        aria-invalid={field.messages().length ? 'true' : undefined}
        aria-describedby={[quote()?.prefix || quote()?.suffix ? `${field.id()}-hint` : '', field.messages().length ? `${field.id()}-problem` : ''].filter(Boolean).join(' ') || undefined}
      />
      <Hint id={field.id()}>
        {quote()?.prefix || quote()?.suffix ? t('studio.quoteContext')(quote()?.prefix ?? '', quote()?.suffix ?? '') : undefined}
      </Hint>
      <Problems id={field.id()} messages={field.messages()} />
      <Show when={props.onRemove}>
        <button type="button" class="tw-button tw-small" onClick={() => props.onRemove!()}>
          {t('studio.remove')}
          {' '}<span class="tw-sr-only">{t('studio.quoteN')(props.label, props.index + 1)}</span>
        </button>
      </Show>
    </li>
  );
}

/** The button that asks the article for a quote for the field at `path`. */
function PickButton(props: { path: Path; label: string; multiple: boolean }): JSX.Element {
  const editor = useDraft();
  let button!: HTMLButtonElement;
  const waiting = () => {
    const p = editor.picking();
    return !!p && p.path.join('.') === props.path.join('.');
  };
  return (
    <button
      ref={button}
      type="button"
      class="tw-button tw-small"
      aria-pressed={waiting()}
      onClick={() =>
        editor.setPicking(waiting() ? null : { path: props.path, label: props.label, multiple: props.multiple, returnFocus: button })
      }
    >
      {t('studio.pickInArticle')}
      <span class="tw-sr-only">: {props.label}</span>
    </button>
  );
}

/** A list of quotes. */
export function QuotesField(props: { path: Path; label: string; hint?: string }): JSX.Element {
  const editor = useDraft();
  const field = useFieldProblems(() => props.path, () => props.hint);
  const quotes = () => editor.get<Quote[]>(props.path) ?? [];
  const remove = (i: number) => {
    const next = quotes().filter((_, j) => j !== i);
    editor.set(props.path, next.length ? next : undefined);
    queueMicrotask(() => document.getElementById(`${fieldId(props.path)}-pick`)?.focus());
  };
  return (
    <fieldset class="st-group st-quotes" id={field.id()} tabindex="-1" aria-describedby={field.aria()['aria-describedby']}>
      <legend>{props.label}</legend>
      <Hint id={field.id()}>{props.hint}</Hint>
      <Problems id={field.id()} messages={field.messages()} />
      <Show when={quotes().length} fallback={<p class="tw-muted">{t('studio.noQuotes')}</p>}>
        <ol class="st-quote-list">
          <Index each={quotes()}>{(_, i) => <QuoteRow path={[...props.path, i]} index={i} label={props.label} onRemove={() => remove(i)} />}</Index>
        </ol>
      </Show>
      <span id={`${fieldId(props.path)}-pick`} tabindex="-1" />
      <PickButton path={props.path} label={props.label} multiple />
    </fieldset>
  );
}

/** One quote (a highlight distractor). */
export function QuoteField(props: { path: Path; label: string }): JSX.Element {
  const editor = useDraft();
  return (
    <div class="st-group st-quotes" role="group" aria-label={props.label}>
      <p class="st-label" aria-hidden="true">
        {props.label}
      </p>
      <Show when={editor.get<Quote>(props.path)} fallback={<NoQuote path={props.path} />}>
        <ol class="st-quote-list">
          <QuoteRow path={props.path} index={0} label={props.label} />
        </ol>
      </Show>
      <PickButton path={props.path} label={props.label} multiple={false} />
    </div>
  );
}

function NoQuote(props: { path: Path }): JSX.Element {
  const field = useFieldProblems(() => props.path);
  return (
    <>
      <p class="tw-muted" id={field.id()} tabindex="-1">
        {t('studio.noQuotes')}
      </p>
      <Problems id={field.id()} messages={field.messages()} />
    </>
  );
}
