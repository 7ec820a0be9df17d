// The drop-in room, live: messages over SignalR (hub /hubs/motesplats), sending with Enter, pending and queued
// messages with client ids (resent with the same id after a dropped connection, so nothing doubles), editing and
// deleting, scroll-back, unread markers, presence and the open state. The server-rendered page works without it.
(() => {
  'use strict';

  const root = document.getElementById('chat');
  if (!root || !window.signalR) return;

  const $ = (id) => document.getElementById(id);
  const data = root.dataset;
  const cfg = {
    hub: data.hub,
    spaceId: Number(data.spaceId),
    channelId: Number(data.channelId),
    channelName: data.channelName,
    spaceSlug: data.spaceSlug,
    meId: Number(data.meId),
    meName: data.meName,
    staff: data.staff === 'true',
    live: data.live === 'true',
    maxLength: Number(data.maxLength) || 2000,
    english: data.lang === 'en',
  };
  const members = new Set(JSON.parse(data.members || '[]').map((n) => n.trim().toUpperCase()));
  const myName = cfg.meName.trim().toUpperCase();

  const sv = {
    staff: 'Personal',
    edited: '(redigerat)',
    deleted: 'Meddelandet är borttaget.',
    mentionsYou: 'nämner dig',
    edit: 'Redigera',
    remove: 'Ta bort',
    save: 'Spara',
    cancel: 'Avbryt',
    retry: 'Försök igen',
    yourMessageAt: (t) => `ditt meddelande från ${t}`,
    messageBy: (a, t) => `meddelandet från ${a} ${t}`,
    editLabel: 'Ändra meddelandet',
    confirmDelete: 'Ta bort meddelandet?',
    confirmModerate: (a) => `Ta bort meddelandet från ${a}? Det loggas som moderering.`,
    sending: 'Skickas …',
    waiting: 'Väntar på anslutning, skickas sedan.',
    notSent: (r) => `Skickades inte: ${r}`,
    empty: 'Skriv något i meddelandet först.',
    tooLong: (n, max) => `Meddelandet är för långt: ${n} tecken. Det får vara högst ${max} tecken.`,
    left: (n) => `${n} tecken kvar`,
    reconnecting: 'Anslutningen bröts. Ansluter igen …',
    disconnected: (s) => `Ingen anslutning. Försöker igen om ${s} sekunder.`,
    connecting: 'Ansluter …',
    reconnected: 'Ansluten igen.',
    one: (a, c, text) => `Nytt meddelande från ${a} i ${c}: ${text}`,
    many: (n, c) => `${n} nya meddelanden i ${c}`,
    mentioned: (a) => `${a} nämnde dig.`,
    olderShown: (n) => `${n} äldre meddelanden visas.`,
    noOlder: 'Det finns inga äldre meddelanden.',
    hintOpen: 'Enter skickar, Shift+Enter ger en ny rad.',
    hintClosed: (s) => `${s}. Du kan läsa men inte skriva förrän vi öppnar.`,
    hintMuted: 'Personalen har pausat dig en stund. Du kan läsa men inte skriva.',
    staffHere: (names) => `Personal på plats: ${names}`,
    noStaff: 'Ingen personal på plats just nu.',
    unread: 'olästa',
    privateThread: 'privat',
    newThread: (name) => `Ny privat tråd: ${name}`,
    failed: 'Något gick fel. Försök igen.',
  };
  const en = {
    ...sv,
    staff: 'Staff',
    edited: '(edited)',
    deleted: 'The message has been deleted.',
    mentionsYou: 'mentions you',
    edit: 'Edit',
    remove: 'Delete',
    save: 'Save',
    cancel: 'Cancel',
    retry: 'Try again',
    yourMessageAt: (t) => `your message from ${t}`,
    messageBy: (a, t) => `the message from ${a} ${t}`,
    editLabel: 'Change the message',
    confirmDelete: 'Delete the message?',
    confirmModerate: (a) => `Delete the message from ${a}? It is logged as moderation.`,
    sending: 'Sending …',
    waiting: 'Waiting for the connection, then sent.',
    notSent: (r) => `Not sent: ${r}`,
    empty: 'Write something in the message first.',
    tooLong: (n, max) => `The message is too long: ${n} characters. It may be at most ${max} characters.`,
    left: (n) => `${n} characters left`,
    reconnecting: 'The connection was lost. Reconnecting …',
    disconnected: (s) => `No connection. Trying again in ${s} seconds.`,
    connecting: 'Connecting …',
    reconnected: 'Connected again.',
    one: (a, c, text) => `New message from ${a} in ${c}: ${text}`,
    many: (n, c) => `${n} new messages in ${c}`,
    mentioned: (a) => `${a} mentioned you.`,
    olderShown: (n) => `${n} older messages shown.`,
    noOlder: 'There are no older messages.',
    hintOpen: 'Enter sends, Shift+Enter starts a new line.',
    hintClosed: (s) => `${s}. You can read but not write until we open.`,
    hintMuted: 'Staff have paused you for a while. You can read but not write.',
    staffHere: (names) => `Staff here: ${names}`,
    noStaff: 'No staff here right now.',
    unread: 'unread',
    privateThread: 'private',
    newThread: (name) => `New private thread: ${name}`,
    failed: 'Something went wrong. Try again.',
  };
  const t = cfg.english ? en : sv;

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(cfg.hub)
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 20000, 30000])
    .configureLogging(signalR.LogLevel.None)
    .build();
  const channelLabel = `#${cfg.channelName}`;

  const list = $('chat-messages');
  const scroller = $('chat-scroll');
  const form = $('chat-composer');
  const input = $('chat-text');
  const sendButton = $('chat-send');
  const hint = $('chat-hint');
  const errorBox = $('chat-error');
  const counter = $('chat-count');
  const connectionBox = $('chat-connection');
  const announcer = $('chat-announcer');
  const stateBox = $('chat-state');
  const stateText = $('chat-state-text');
  const presenceList = $('chat-presence-list');
  const staffOnDuty = $('chat-staff-on-duty');
  const olderLink = $('chat-older');
  const olderWrap = $('chat-older-wrap');
  const emptyNote = $('chat-empty');

  // ---- Messages on the page, by sequence -------------------------------------------------------------------------

  /** sequence -> { li, message } */
  const shown = new Map();
  let lastSequence = 0;
  let readSent = Number(data.lastRead) || 0;

  const zone = 'Europe/Stockholm';
  const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const clockParts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const shortDay = new Intl.DateTimeFormat(cfg.english ? 'en-GB' : 'sv-SE', { timeZone: zone, day: 'numeric', month: 'short' });

  /** "14.02" today, "24 nov. 14.02" on other days, as the server writes it. */
  function timeOf(iso) {
    const date = new Date(iso);
    const parts = clockParts.formatToParts(date);
    const part = (type) => parts.find((p) => p.type === type).value;
    const clock = part('hour') + (cfg.english ? ':' : '.') + part('minute');
    return dayKey.format(date) === dayKey.format(new Date()) ? clock : `${shortDay.format(date)} ${clock}`;
  }

  function isHttp(value) {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }

  function count(text, c) {
    let n = 0;
    for (const ch of text) if (ch === c) n++;
    return n;
  }

  function trimUrl(url) {
    let end = url.length;
    while (end > 0) {
      const c = url[end - 1];
      if ('.,;:!?'.includes(c)) end--;
      else if (c === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end--;
      else break;
    }
    return url.slice(0, end);
  }

  /** The same rules as MessageText.cs: text stays text; http(s) addresses become links; members' @names are marked. */
  function fillText(element, text) {
    const tokens = /https?:\/\/[^\s<>"']+|@[\p{L}\p{N}_.\-]+/giu;
    let position = 0;
    let match;
    let mentionsMe = false;
    while ((match = tokens.exec(text)) !== null) {
      const token = match[0];
      const trimmed = token[0] === '@' ? token.replace(/[.-]+$/u, '') : trimUrl(token);
      element.append(text.slice(position, match.index));
      position = match.index + trimmed.length;
      if (token[0] === '@') {
        const name = trimmed.slice(1).trim().toUpperCase();
        if (trimmed.length > 1 && members.has(name)) {
          const mine = name === myName;
          const node = document.createElement(mine ? 'mark' : 'span');
          node.className = mine ? 'mention mention-me' : 'mention';
          node.textContent = trimmed;
          if (mine) {
            mentionsMe = true;
            const note = document.createElement('span');
            note.className = 'visually-hidden';
            note.textContent = ` (${t.mentionsYou})`;
            node.append(note);
          }
          element.append(node);
        } else {
          element.append(trimmed);
        }
      } else if (isHttp(trimmed)) {
        const link = document.createElement('a');
        link.href = trimmed;
        link.rel = 'noopener noreferrer nofollow ugc';
        link.textContent = trimmed;
        element.append(link);
      } else {
        element.append(trimmed);
      }
    }
    element.append(text.slice(position));
    return mentionsMe;
  }

  function button(label, hidden, onClick, extraClass) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `link-button ${extraClass || ''}`.trim();
    b.append(label);
    if (hidden) {
      const span = document.createElement('span');
      span.className = 'visually-hidden';
      span.textContent = ` ${hidden}`;
      b.append(span);
    }
    b.addEventListener('click', onClick);
    return b;
  }

  function addActions(li, message) {
    li.querySelector('.chat-actions')?.remove();
    if (message.deleted) return;
    const own = message.authorId === cfg.meId;
    if (!own && !cfg.staff) return;
    const when = timeOf(message.sentAt);
    const actions = document.createElement('div');
    actions.className = 'chat-actions';
    if (own) {
      actions.append(button(t.edit, t.yourMessageAt(when), () => startEdit(li), 'chat-edit-button'));
    }
    actions.append(button(t.remove, own ? t.yourMessageAt(when) : t.messageBy(message.author, when), () => remove(li), 'chat-delete-button'));
    li.append(actions);
  }

  function render(message) {
    const li = document.createElement('li');
    li.className = 'chat-message';
    if (message.authorId === cfg.meId) li.classList.add('chat-own');
    if (message.authorIsStaff) li.classList.add('chat-by-staff');
    if (message.deleted) li.classList.add('chat-deleted');
    li.id = `m-${message.sequence}`;
    li.dataset.sequence = String(message.sequence);
    li.dataset.id = String(message.id);
    li.dataset.authorId = String(message.authorId);
    li.dataset.clientId = message.clientMessageId;

    const meta = document.createElement('p');
    meta.className = 'chat-meta';
    const author = document.createElement('span');
    author.className = 'chat-author';
    author.textContent = message.author;
    meta.append(author, ' ');
    if (message.authorIsStaff) {
      const badge = document.createElement('span');
      badge.className = 'badge chat-staff-badge';
      badge.textContent = t.staff;
      meta.append(badge, ' ');
    }
    const time = document.createElement('time');
    time.dateTime = message.sentAt;
    time.textContent = timeOf(message.sentAt);
    meta.append(time);
    if (message.editedAt && !message.deleted) {
      const edited = document.createElement('span');
      edited.className = 'chat-edited';
      edited.textContent = t.edited;
      meta.append(' ', edited);
    }
    const body = document.createElement('p');
    body.className = 'chat-text';
    let mentionsMe = false;
    if (message.deleted) body.textContent = t.deleted;
    else mentionsMe = fillText(body, message.text);
    li.append(meta, body);
    addActions(li, message);
    return { li, mentionsMe };
  }

  /** The message objects of the server-rendered list, so edits, deletions and actions work on them too. */
  function adoptRendered() {
    for (const li of list.querySelectorAll('li.chat-message')) {
      const message = {
        id: Number(li.dataset.id),
        channelId: cfg.channelId,
        sequence: Number(li.dataset.sequence),
        authorId: Number(li.dataset.authorId),
        author: li.querySelector('.chat-author')?.textContent || '',
        authorIsStaff: li.classList.contains('chat-by-staff'),
        text: li.dataset.text || '',
        sentAt: li.querySelector('time')?.dateTime || new Date().toISOString(),
        editedAt: li.querySelector('.chat-edited') ? 'yes' : null,
        deleted: li.classList.contains('chat-deleted'),
        clientMessageId: li.dataset.clientId,
      };
      shown.set(message.sequence, { li, message });
      lastSequence = Math.max(lastSequence, message.sequence);
      addActions(li, message);
    }
  }

  function nearBottom() {
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
  }

  function scrollToBottom() {
    scroller.scrollTop = scroller.scrollHeight;
  }

  function insertInOrder(li, sequence) {
    for (const node of list.children) {
      if (node.classList.contains('chat-pending')) {
        list.insertBefore(li, node);
        return;
      }
      const s = Number(node.dataset.sequence);
      if (s > sequence) {
        list.insertBefore(li, node.previousElementSibling?.id === 'chat-unread-divider' ? node.previousElementSibling : node);
        return;
      }
    }
    list.append(li);
  }

  function rerender(known, message) {
    const hadFocus = known.li.contains(document.activeElement);
    const { li } = render(message);
    known.li.replaceWith(li);
    shown.set(message.sequence, { li, message });
    if (hadFocus) {
      const target = li.querySelector('.chat-actions button');
      if (target) target.focus();
      else scroller.focus();
    }
  }

  /** Shows a message once: a new sequence is added in order, a known one replaced (an edit or deletion), a pending one settled. */
  function upsert(message, announce) {
    const known = shown.get(message.sequence);
    const pending = message.authorId === cfg.meId ? pendingById.get(message.clientMessageId) : undefined;
    if (pending) {
      pending.li.remove();
      pendingById.delete(message.clientMessageId);
      const at = queue.indexOf(pending);
      if (at >= 0) queue.splice(at, 1);
    }
    if (known) {
      const changed = known.message.deleted !== message.deleted || known.message.text !== message.text ||
        (message.editedAt && !known.message.editedAt);
      if (changed && !known.li.classList.contains('chat-editing')) {
        rerender(known, message);
      } else if (changed) {
        // Shown when the editor closes.
        known.message = message;
        known.stale = true;
      }
      return;
    }
    const stick = nearBottom() || !!pending;
    const { li, mentionsMe } = render(message);
    insertInOrder(li, message.sequence);
    shown.set(message.sequence, { li, message });
    lastSequence = Math.max(lastSequence, message.sequence);
    if (emptyNote) emptyNote.hidden = true;
    if (stick) scrollToBottom();
    if (announce && message.authorId !== cfg.meId && !message.deleted) announceMessage(message, mentionsMe);
    markReadSoon();
  }

  // ---- Announcements for screen readers, gathered -----------------------------------------------------------------

  let gathered = [];
  let gatherTimer = 0;
  let gatherStarted = 0;

  function announceMessage(message, mentionsMe) {
    gathered.push({ message, mentionsMe });
    if (!gatherStarted) gatherStarted = Date.now();
    window.clearTimeout(gatherTimer);
    if (Date.now() - gatherStarted > 6000) flushAnnouncement();
    else gatherTimer = window.setTimeout(flushAnnouncement, 1500);
  }

  function flushAnnouncement() {
    window.clearTimeout(gatherTimer);
    if (gathered.length === 0) return;
    let sentence;
    if (gathered.length === 1) {
      const { message } = gathered[0];
      const text = message.text.length > 140 ? `${message.text.slice(0, 140)} …` : message.text;
      sentence = t.one(message.author, channelLabel, text);
    } else {
      sentence = t.many(gathered.length, channelLabel);
      const mentioner = gathered.find((g) => g.mentionsMe);
      if (mentioner) sentence += ` ${t.mentioned(mentioner.message.author)}`;
    }
    gathered = [];
    gatherStarted = 0;
    announcer.textContent = sentence;
  }

  // ---- Unread markers per channel ---------------------------------------------------------------------------------

  const channelLast = new Map();

  function setUnread(channelId, n) {
    const badge = document.querySelector(`[data-unread-for="${channelId}"]`);
    if (!badge || channelId === cfg.channelId) return;
    badge.dataset.count = String(n);
    badge.hidden = n <= 0;
    badge.firstChild.textContent = String(n);
  }

  function bumpUnread(message) {
    const last = channelLast.get(message.channelId) ?? 0;
    if (message.sequence <= last) return;
    channelLast.set(message.channelId, message.sequence);
    if (message.authorId === cfg.meId || message.deleted) return;
    const badge = document.querySelector(`[data-unread-for="${message.channelId}"]`);
    if (!badge) return;
    setUnread(message.channelId, (Number(badge.dataset.count || badge.firstChild.textContent) || 0) + 1);
  }

  let readTimer = 0;

  function markReadSoon() {
    if (!cfg.live || document.visibilityState !== 'visible' || lastSequence <= readSent) return;
    window.clearTimeout(readTimer);
    readTimer = window.setTimeout(async () => {
      if (connection.state !== signalR.HubConnectionState.Connected) return;
      const sequence = lastSequence;
      try {
        await connection.invoke('MarkRead', cfg.channelId, sequence);
        readSent = Math.max(readSent, sequence);
      } catch {
        // Tried again with the next message or when the page is shown again.
      }
    }, 800);
  }

  document.addEventListener('visibilitychange', () => {
    markReadSoon();
    if (document.visibilityState === 'visible') flushAnnouncement();
  });

  // ---- Sending, with a queue that survives a dropped connection ----------------------------------------------------

  /** Messages not yet confirmed by the server, in the order they were written. */
  const queue = [];
  const pendingById = new Map();
  let flushing = false;

  function uuid() {
    if (window.crypto.randomUUID) return window.crypto.randomUUID();
    const b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function refusalOf(error) {
    const text = String(error?.message || '');
    const at = text.indexOf('HubException: ');
    return at >= 0 ? text.slice(at + 'HubException: '.length) : null;
  }

  function showError(message) {
    errorBox.textContent = message || '';
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  function setPendingState(item, text, failed) {
    item.li.classList.toggle('chat-failed', !!failed);
    const status = item.li.querySelector('.chat-pending-state');
    status.textContent = text;
    item.li.querySelector('.chat-actions')?.remove();
    if (failed) {
      const actions = document.createElement('div');
      actions.className = 'chat-actions';
      actions.append(
        button(t.retry, '', () => {
          setPendingState(item, t.sending, false);
          queue.push(item);
          flush();
        }),
        button(t.remove, '', () => {
          item.li.remove();
          pendingById.delete(item.id);
        }),
      );
      item.li.append(actions);
    }
  }

  function renderPending(item) {
    const li = document.createElement('li');
    li.className = 'chat-message chat-own chat-pending';
    const meta = document.createElement('p');
    meta.className = 'chat-meta';
    const author = document.createElement('span');
    author.className = 'chat-author';
    author.textContent = cfg.meName;
    const status = document.createElement('span');
    status.className = 'chat-pending-state';
    meta.append(author, ' ', status);
    const body = document.createElement('p');
    body.className = 'chat-text';
    fillText(body, item.text);
    li.append(meta, body);
    item.li = li;
    list.append(li);
    setPendingState(item, connected() ? t.sending : t.waiting, false);
    if (emptyNote) emptyNote.hidden = true;
    scrollToBottom();
  }

  function connected() {
    return connection.state === signalR.HubConnectionState.Connected && joined;
  }

  async function flush() {
    if (flushing || !connected()) return;
    flushing = true;
    try {
      while (queue.length > 0 && connected()) {
        const item = queue[0];
        setPendingState(item, t.sending, false);
        try {
          const message = await connection.invoke('Send', cfg.channelId, item.id, item.text);
          upsert(message, false);
          if (queue[0] === item) queue.shift();
        } catch (error) {
          const refusal = refusalOf(error);
          if (refusal === null) break; // The connection went; the queue waits for the next one.
          if (/snabbt|too fast/iu.test(refusal)) {
            await new Promise((resolve) => { window.setTimeout(resolve, 1500); });
            continue;
          }
          queue.shift();
          setPendingState(item, t.notSent(refusal), true);
        }
      }
    } finally {
      flushing = false;
    }
    for (const item of queue) setPendingState(item, t.waiting, false);
  }

  function sendFromComposer() {
    if (!canWrite) return;
    const text = input.value.trim();
    if (!text) {
      showError(t.empty);
      return;
    }
    if (text.length > cfg.maxLength) {
      showError(t.tooLong(text.length, cfg.maxLength));
      return;
    }
    showError('');
    const item = { id: uuid(), text, li: null };
    pendingById.set(item.id, item);
    queue.push(item);
    renderPending(item);
    input.value = '';
    updateCounter();
    flush();
  }

  function updateCounter() {
    const left = cfg.maxLength - input.value.length;
    counter.textContent = left <= 200 ? t.left(left) : '';
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sendFromComposer();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      sendFromComposer();
    }
  });
  input.addEventListener('input', () => {
    updateCounter();
    if (errorBox.textContent) showError('');
  });

  // ---- Editing and deleting ---------------------------------------------------------------------------------------

  let editCount = 0;

  function startEdit(li) {
    const entry = shown.get(Number(li.dataset.sequence));
    if (!entry || li.classList.contains('chat-editing')) return;
    li.classList.add('chat-editing');
    const body = li.querySelector('.chat-text');
    const actions = li.querySelector('.chat-actions');
    body.hidden = true;
    if (actions) actions.hidden = true;

    const id = `chat-edit-${++editCount}`;
    const editor = document.createElement('form');
    editor.className = 'chat-edit';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = t.editLabel;
    const box = document.createElement('textarea');
    box.id = id;
    box.rows = 2;
    box.maxLength = cfg.maxLength;
    box.value = entry.message.text;
    const problem = document.createElement('span');
    problem.className = 'field-error';
    problem.id = `${id}-error`;
    box.setAttribute('aria-describedby', problem.id);
    const save = document.createElement('button');
    save.type = 'submit';
    save.textContent = t.save;
    const row = document.createElement('div');
    row.className = 'chat-composer-actions';
    row.append(save, button(t.cancel, '', () => finish()));
    editor.append(label, problem, box, row);
    li.append(editor);
    box.focus();

    function finish() {
      editor.remove();
      body.hidden = false;
      if (actions) actions.hidden = false;
      li.classList.remove('chat-editing');
      const current = shown.get(Number(li.dataset.sequence));
      if (current && current.li === li && current.stale) rerender(current, current.message);
      else li.querySelector('.chat-edit-button')?.focus();
    }

    async function submit() {
      const text = box.value.trim();
      if (!text) {
        problem.textContent = t.empty;
        return;
      }
      try {
        const message = await connection.invoke('Edit', entry.message.id, text);
        finish();
        upsert(message, false);
      } catch (error) {
        problem.textContent = refusalOf(error) || t.failed;
        box.setAttribute('aria-invalid', 'true');
      }
    }

    editor.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        finish();
      } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    });
  }

  async function remove(li) {
    const entry = shown.get(Number(li.dataset.sequence));
    if (!entry) return;
    const own = entry.message.authorId === cfg.meId;
    if (!window.confirm(own ? t.confirmDelete : t.confirmModerate(entry.message.author))) return;
    try {
      upsert(await connection.invoke('Delete', entry.message.id), false);
    } catch (error) {
      connectionBox.textContent = refusalOf(error) || t.failed;
    }
  }

  // ---- Scroll-back -------------------------------------------------------------------------------------------------

  olderLink?.addEventListener('click', async (event) => {
    if (!connected() || !cfg.live) return; // The link loads the older page instead.
    event.preventDefault();
    const first = Math.min(...shown.keys());
    try {
      const older = await connection.invoke('Before', cfg.channelId, first, 50);
      const height = scroller.scrollHeight;
      const top = scroller.scrollTop;
      for (const message of older) upsert(message, false);
      scroller.scrollTop = top + (scroller.scrollHeight - height);
      const oldest = older.length > 0 ? older[0].sequence : 1;
      if (oldest <= 1) {
        olderWrap.hidden = true;
        announcer.textContent = older.length > 0 ? t.olderShown(older.length) : t.noOlder;
        (list.querySelector('li.chat-message') || scroller).focus?.();
      } else {
        olderLink.href = `${location.pathname}?fore=${oldest}`;
        announcer.textContent = t.olderShown(older.length);
      }
    } catch {
      window.location.href = olderLink.href;
    }
  });

  // ---- Open state, presence ---------------------------------------------------------------------------------------

  let state = {
    isOpen: stateBox?.dataset.open === 'true',
    text: stateText?.textContent || '',
    until: stateBox?.dataset.until || null,
    nextOpening: stateBox?.dataset.nextOpening || null,
  };
  let me = { isStaff: cfg.staff, mutedUntil: null };
  let canWrite = data.canWrite === 'true';
  let stateTimer = 0;

  function applyState(next) {
    const changed = next.isOpen !== state.isOpen || next.text !== state.text;
    state = next;
    if (changed) {
      stateBox.classList.toggle('alert-ok', next.isOpen);
      stateBox.classList.toggle('alert-warn', !next.isOpen);
      stateBox.dataset.open = String(next.isOpen);
      stateText.textContent = next.text;
      stateBox.querySelector('.chat-state-note')?.remove();
    }
    updateComposer();
    scheduleStateCheck();
  }

  function updateComposer() {
    const muted = !me.isStaff && me.mutedUntil && new Date(me.mutedUntil) > new Date();
    canWrite = me.isStaff || (state.isOpen && !muted);
    input.readOnly = !canWrite;
    sendButton.disabled = !canWrite;
    hint.textContent = canWrite ? t.hintOpen : muted ? t.hintMuted : t.hintClosed(state.text);
  }

  /** Asks the server again when the state is due to change (closing time, the next opening), a little spread out. */
  function scheduleStateCheck() {
    window.clearTimeout(stateTimer);
    const at = state.isOpen ? state.until : state.nextOpening;
    if (!at) return;
    let wait = new Date(at).getTime() - Date.now();
    if (wait > 2147483000) return;
    wait = wait < 0 ? 30000 : wait + 1000 + Math.random() * 4000;
    stateTimer = window.setTimeout(async () => {
      if (!connected()) return;
      try {
        applyState(await connection.invoke('GetOpenState', cfg.spaceId));
      } catch {
        scheduleStateCheck();
      }
    }, wait);
  }

  function applyPresence(people) {
    const items = people.map((person) => {
      const li = document.createElement('li');
      li.append(person.name);
      if (person.isStaff) {
        const badge = document.createElement('span');
        badge.className = 'badge chat-staff-badge';
        badge.textContent = t.staff;
        li.append(badge);
      }
      return li;
    });
    presenceList.replaceChildren(...items);
    const staff = people.filter((p) => p.isStaff).map((p) => p.name);
    staffOnDuty.textContent = staff.length > 0 ? t.staffHere(staff.join(', ')) : t.noStaff;
  }

  // ---- The connection: automatic reconnects, then our own retries; a full resync after each -----------------------

  let joined = false;
  let retries = 0;
  let retryTimer = 0;
  let everConnected = false;

  connection.on('message', (message) => {
    if (message.channelId === cfg.channelId) {
      if (cfg.live) upsert(message, true);
    } else {
      bumpUnread(message);
    }
  });
  connection.on('presence', applyPresence);
  connection.on('openState', applyState);
  connection.on('channelAdded', addChannel);

  /** A thread opened while staff are here: it joins their list, with an unread badge, and is announced once. */
  function addChannel(channel) {
    const list = document.querySelector('[aria-labelledby="chat-threads-heading"]');
    if (!list || document.querySelector(`[data-unread-for="${channel.id}"]`)) return;
    for (const empty of list.querySelectorAll('li.muted')) empty.remove();
    const link = document.createElement('a');
    link.href = `/motesplats/${cfg.spaceSlug}/${channel.slug}`;
    link.dataset.channelId = String(channel.id);
    const name = document.createElement('span');
    name.className = 'chat-channel-name';
    name.textContent = channel.name;
    const access = document.createElement('span');
    access.className = 'chat-channel-access';
    access.textContent = t.privateThread;
    const badge = document.createElement('span');
    badge.className = 'badge chat-unread';
    badge.dataset.unreadFor = String(channel.id);
    badge.dataset.count = '0';
    badge.hidden = true;
    badge.append('0');
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ` ${t.unread}`;
    badge.append(hidden);
    link.append(name, ' ', access, ' ', badge);
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
    channelLast.set(channel.id, 0);
    announcer.textContent = t.newThread(channel.name);
  }

  function setConnection(text) {
    connectionBox.textContent = text;
  }

  /** After every (re)connection: join the space again and fetch what was missed, then send what waited. */
  async function resync() {
    joined = false;
    const snapshot = await connection.invoke('JoinSpace', cfg.spaceId);
    me = snapshot.me;
    applyState(snapshot.state);
    applyPresence(snapshot.presence);
    for (const channel of snapshot.channels) {
      channelLast.set(channel.id, channel.lastSequence);
      if (channel.id !== cfg.channelId) setUnread(channel.id, channel.unread);
    }
    if (cfg.live) {
      for (;;) {
        const missed = await connection.invoke('Since', cfg.channelId, lastSequence);
        for (const message of missed) upsert(message, everConnected);
        if (missed.length < 500) break;
      }
    }
    joined = true;
    retries = 0;
    setConnection(everConnected ? t.reconnected : '');
    everConnected = true;
    window.setTimeout(() => {
      if (connectionBox.textContent === t.reconnected) setConnection('');
    }, 4000);
    await flush();
    markReadSoon();
  }

  async function start() {
    window.clearTimeout(retryTimer);
    if (connection.state !== signalR.HubConnectionState.Disconnected) return;
    try {
      await connection.start();
      await resync();
    } catch {
      if (connection.state === signalR.HubConnectionState.Connected) {
        connection.stop().catch(() => {});
      } else {
        retryLater();
      }
    }
  }

  function retryLater() {
    window.clearTimeout(retryTimer);
    const seconds = Math.min(30, 2 ** Math.min(retries, 5)) + Math.round(Math.random() * 3);
    retries++;
    setConnection(t.disconnected(seconds));
    retryTimer = window.setTimeout(start, seconds * 1000);
  }

  connection.onreconnecting(() => {
    joined = false;
    setConnection(t.reconnecting);
    for (const item of queue) setPendingState(item, t.waiting, false);
  });
  connection.onreconnected(() => {
    resync().catch(() => connection.stop().catch(() => {}));
  });
  // The automatic reconnects gave up (or a resync failed): keep trying on our own, without reloading the page.
  connection.onclose(() => {
    joined = false;
    retryLater();
  });
  window.addEventListener('online', () => start());

  adoptRendered();
  for (const badge of document.querySelectorAll('[data-unread-for]')) badge.dataset.count = badge.firstChild.textContent.trim();
  if (cfg.live) {
    const divider = $('chat-unread-divider');
    if (divider) scroller.scrollTop = Math.max(0, divider.offsetTop - scroller.offsetTop - 40);
    else scrollToBottom();
  }
  updateCounter();
  scheduleStateCheck();
  start();
})();
