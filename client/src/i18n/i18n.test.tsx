import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageSwitch } from '../components/layout.tsx';
import { lang, pick, setLang, t } from './index.ts';

afterEach(() => setLang('nl'));

function Probe() {
  return (
    <p data-testid="probe">
      {t('navJoin')} | {pick({ nl: 'Wie zegt wat?', en: 'Who says what?' })} | {t('questionCount')(3)}
    </p>
  );
}

describe('language switch', () => {
  it('starts in Dutch', () => {
    render(() => <Probe />);
    expect(lang()).toBe('nl');
    expect(screen.getByTestId('probe')).toHaveTextContent('Klas binnengaan | Wie zegt wat? | 3 vragen');
  });

  it('switches interface and lesson text to English by keyboard, sets <html lang> and remembers it', async () => {
    const user = userEvent.setup();
    render(() => (
      <>
        <LanguageSwitch />
        <Probe />
      </>
    ));
    expect(screen.getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-pressed', 'true');
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'English' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('probe')).toHaveTextContent('Join a class | Who says what? | 3 questions');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('bronwijs:lang')).toBe('en');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('group', { name: 'Language' })).toBeInTheDocument();
  });

  it('has every interface text in both languages', async () => {
    const { messages } = await import('./messages.ts');
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.nl).sort());
  });
});
