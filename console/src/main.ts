import './styles.css';
import { ApiError, createApi } from './api.js';
import { h, replaceChildren } from './dom.js';
import { forgetKey, storedKey, storeKey } from './session.js';
import { signInView } from './signin.js';
import { workspace } from './workspace.js';

const root = document.getElementById('app')!;
let teardown: (() => void) | undefined;

function showSignIn(notice?: string) {
  teardown?.();
  teardown = undefined;
  root.dataset.screen = 'signin';
  delete root.dataset.view;
  replaceChildren(root, signInView(signIn, notice));
}

function signOut(notice = 'You are signed out.') {
  forgetKey();
  showSignIn(notice);
}

/** Checks the key against the API before keeping it; returns what to tell the agent if it fails. */
async function signIn(key: string): Promise<string | undefined> {
  // Before the workspace exists, a 401 is answered by the sign-in form itself.
  const api = createApi(key, () => {
    if (teardown) signOut('Your key is no longer accepted. Sign in again.');
  });
  try {
    await api.conversations();
    const role = await api.role();
    storeKey(key);
    teardown?.();
    root.dataset.screen = 'workspace';
    teardown = workspace(root, api, role, () => signOut());
    return undefined;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      forgetKey();
      return 'That key was not accepted. Check it and try again.';
    }
    return e instanceof ApiError ? e.message : 'Could not sign in. Try again.';
  }
}

async function boot() {
  const key = storedKey();
  if (!key) {
    showSignIn();
    return;
  }
  replaceChildren(root, h('p', { class: 'booting' }, 'Loading…'));
  const problem = await signIn(key);
  if (problem) showSignIn(problem);
}

void boot();
