// Setup for the client's component tests: jest-dom matchers, and a clean DOM, storage and query
// cache per test (vitest runs without globals, so testing-library cannot register its own cleanup;
// the router's query cache lives as long as the module, so one test's answers would serve the next).
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@solidjs/testing-library';
import { query } from '@solidjs/router';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  localStorage.clear();
  query.clear();
});
