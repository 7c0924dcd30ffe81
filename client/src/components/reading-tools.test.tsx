import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { article } from './questions/fixtures.ts';
import { ReadingTools, voiceFor } from './reading-tools.tsx';

class FakeUtterance {
  lang = '';
  voice: unknown = null;
  onend: (() => void) | null = null;
  constructor(readonly text: string) {}
}
const voices = [
  { lang: 'en-GB', name: 'English', localService: true },
  { lang: 'nl-BE', name: 'Vlaams', localService: false },
  { lang: 'nl-NL', name: 'Nederlands', localService: true },
] as unknown as SpeechSynthesisVoice[];

function fakeSpeech() {
  const spoken: FakeUtterance[] = [];
  const synth = { speak: vi.fn((u: FakeUtterance) => spoken.push(u)), cancel: vi.fn(), getVoices: () => voices };
  vi.stubGlobal('speechSynthesis', synth);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  return { spoken, synth };
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  document.documentElement.style.fontSize = '';
  delete document.documentElement.dataset.theme;
});

describe('reading tools', () => {
  it('reads the article aloud paragraph by paragraph with a Dutch voice, and the question in the interface language', async () => {
    const user = userEvent.setup();
    const { spoken, synth } = fakeSpeech();
    render(() => <ReadingTools article={article} question={() => ['Vraag 1 van 3', 'Wie zegt dat de prijs stijgt?']} questionLang="nl" />);
    await user.click(screen.getByText('Leeshulp'));
    await user.click(screen.getByRole('button', { name: 'Lees het artikel voor' }));
    expect(spoken.map((u) => u.text)).toEqual([
      'Trump wil dat Apple iPhones in de VS maakt',
      'Trump dreigt Apple',
      'Trump dreigt met een heffing van 25 procent. Dat zou de prijs verhogen, aldus analisten.',
      'Apple reageerde niet.',
    ]);
    expect(spoken.every((u) => u.lang === 'nl-NL' && (u.voice as { name: string }).name === 'Nederlands')).toBe(true);
    // while it reads, the same button stops it
    await user.click(screen.getByRole('button', { name: 'Stop met voorlezen' }));
    expect(synth.cancel).toHaveBeenCalled();
    spoken.length = 0;
    await user.click(screen.getByRole('button', { name: 'Lees de vraag voor' }));
    expect(spoken.map((u) => u.text)).toEqual(['Vraag 1 van 3', 'Wie zegt dat de prijs stijgt?']);
  });

  it('picks a device voice for the language where there is one, and none otherwise', () => {
    expect(voiceFor('nl', voices)?.name).toBe('Nederlands');
    expect(voiceFor('de', voices)).toBeUndefined();
  });

  it('offers no read-aloud where the browser has no speech synthesis', async () => {
    render(() => <ReadingTools article={article} />);
    expect(screen.queryByRole('button', { name: 'Lees het artikel voor' })).toBeNull();
  });

  it('makes the text larger and the page dark, remembered on this device', async () => {
    const user = userEvent.setup();
    const first = render(() => <ReadingTools article={article} />);
    await user.click(screen.getByText('Leeshulp'));
    await user.click(screen.getByRole('button', { name: 'Grotere tekst' }));
    await user.click(screen.getByRole('button', { name: 'Grotere tekst' }));
    expect(document.documentElement.style.fontSize).toBe('130%');
    await user.click(screen.getByRole('button', { name: 'Donker thema' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(screen.getByRole('button', { name: 'Donker thema' })).toHaveAttribute('aria-pressed', 'true');
    first.unmount();
    // leaving the reading page restores the page; coming back applies the remembered choice
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(document.documentElement.style.fontSize).toBe('');
    render(() => <ReadingTools article={article} />);
    expect(document.documentElement.style.fontSize).toBe('130%');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});
