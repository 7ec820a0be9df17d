// The campaign page's progress bar: polls the page's small JSON endpoint while the campaign is being sent.
(() => {
  const section = document.querySelector('[data-status-url]');
  if (!section) return;
  const url = section.getAttribute('data-status-url');
  const field = (name) => section.querySelector(`[data-field="${name}"]`);
  const number = new Intl.NumberFormat(document.documentElement.lang || 'sv-SE');
  let finished = false;

  const update = (data) => {
    const bar = field('bar');
    if (bar) {
      bar.max = Math.max(data.total, 1);
      bar.value = data.total === 0 ? 1 : data.sent + data.failed + data.skipped;
      bar.textContent = `${data.percent} %`;
    }
    for (const name of ['total', 'sent', 'failed', 'skipped', 'remaining']) {
      const element = field(name);
      if (element) element.textContent = number.format(data[name]);
    }
    const status = field('status');
    if (status && data.done) {
      status.textContent = status.textContent.replace(/:.*$/, `: ${data.status}`);
    }
    finished = data.done;
  };

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
      if (response.ok) update(await response.json());
    } catch {
      // Offline for a moment: try again at the next tick.
    }
    if (!finished) window.setTimeout(poll, 1500);
  };
  poll();
})();
