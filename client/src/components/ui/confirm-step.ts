// A button that asks first: ask() puts the question (with its "yes") in the button's place and
// moves focus to the "yes"; cancel() takes the question away and puts focus back on the button
// that asked, so a keyboard or screen-reader user never lands on nothing.
import { createSignal, type Accessor } from 'solid-js';

export interface ConfirmStep {
  confirming: Accessor<boolean>;
  /** ref of the button that asks */
  askRef: (el: HTMLButtonElement) => void;
  /** ref of the question's "yes" button */
  yesRef: (el: HTMLButtonElement) => void;
  ask: () => void;
  cancel: () => void;
  /** The question is done with (the action went through): no focus to give back. */
  close: () => void;
}

export function createConfirmStep(): ConfirmStep {
  const [confirming, setConfirming] = createSignal(false);
  let askButton: HTMLButtonElement | undefined;
  let yesButton: HTMLButtonElement | undefined;
  return {
    confirming,
    askRef: (el) => (askButton = el),
    yesRef: (el) => (yesButton = el),
    ask() {
      setConfirming(true);
      yesButton?.focus();
    },
    cancel() {
      setConfirming(false);
      askButton?.focus();
    },
    close: () => setConfirming(false),
  };
}
