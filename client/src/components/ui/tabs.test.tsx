import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createSignal } from 'solid-js';
import { expect, it } from 'vitest';
import { Tabs } from './tabs.tsx';

function Three() {
  const [selected, setSelected] = createSignal('a');
  return (
    <Tabs
      label="Onderdelen"
      selected={selected()}
      onSelect={setSelected}
      tabs={[
        { id: 'a', label: 'Leerlingen', panel: () => <p>paneel A</p> },
        { id: 'b', label: 'Vaardigheden', panel: () => <p>paneel B</p> },
        { id: 'c', label: 'Antwoorden', panel: () => <p>paneel C</p> },
      ]}
    />
  );
}

it('is a tablist whose tabs control labelled panels; one tab is in the Tab order', () => {
  render(() => <Three />);
  expect(screen.getByRole('tablist', { name: 'Onderdelen' })).toBeInTheDocument();
  const tabs = screen.getAllByRole('tab');
  expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
  expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
  const panel = screen.getByRole('tabpanel', { name: 'Leerlingen' });
  expect(panel).toHaveTextContent('paneel A');
  expect(tabs[0]).toHaveAttribute('aria-controls', panel.id);
  expect(screen.getByText('paneel B').closest('[role="tabpanel"]')).not.toBeVisible();
});

it('moves and selects with the arrow keys, Home and End, and by click', async () => {
  const user = userEvent.setup();
  render(() => <Three />);
  const [a, b, c] = screen.getAllByRole('tab');
  a!.focus();
  await user.keyboard('{ArrowRight}');
  expect(b).toHaveFocus();
  expect(b).toHaveAttribute('aria-selected', 'true');
  expect(screen.getByRole('tabpanel', { name: 'Vaardigheden' })).toHaveTextContent('paneel B');
  await user.keyboard('{End}');
  expect(c).toHaveFocus();
  await user.keyboard('{ArrowRight}');
  expect(a).toHaveFocus();
  await user.keyboard('{ArrowLeft}');
  expect(c).toHaveAttribute('aria-selected', 'true');
  await user.keyboard('{Home}');
  expect(a).toHaveAttribute('aria-selected', 'true');
  await user.click(b!);
  expect(b).toHaveAttribute('aria-selected', 'true');
  expect(a).toHaveAttribute('tabindex', '-1');
});
