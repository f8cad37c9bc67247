// Sign-in: the user types an API key once; the server answers with an HttpOnly session cookie, so neither the page's
// requests nor its SignalR connection ever carry the key itself (and it never appears in a URL or a log).
const $ = (id) => document.getElementById(id);

async function current() {
  const response = await fetch('/api/session', { headers: { accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

function askForKey() {
  const dialog = $('sign-in');
  const form = $('sign-in-form');
  return new Promise((resolve) => {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const response = await fetch('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ key: $('api-key').value }),
      });
      if (response.ok) {
        $('api-key').value = '';
        dialog.close();
        resolve(await response.json());
      } else {
        const problem = await response.json().catch(() => ({}));
        $('sign-in-error').textContent = problem.detail || `${response.status} ${response.statusText}`;
      }
    });
    dialog.showModal();
  });
}

/** The signed-in caller: the current session, or one started with a key the user types. */
export async function ensureSession() {
  const session = (await current()) ?? (await askForKey());
  $('who').textContent = `${session.name} · ${session.role}`;
  $('sign-out').hidden = false;
  $('sign-out').addEventListener('click', async () => {
    await fetch('/api/session', { method: 'DELETE' });
    location.reload();
  });
  return session;
}
