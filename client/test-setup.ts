// Setup for the client's component tests: jest-dom matchers, and a clean DOM and storage per test
// (vitest runs without globals, so testing-library cannot register its own cleanup).
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@solidjs/testing-library';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  localStorage.clear();
});
