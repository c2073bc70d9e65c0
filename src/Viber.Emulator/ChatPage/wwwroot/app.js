// The Viber emulator's chat page. It talks to the emulator through a small JSON API under ./api/ and listens to
// ./api/events (server-sent events) so callbacks, API calls and messages show up live. No build step, no CDN.
'use strict';

const state = { users: [], selected: null, bot: null, conversation: { messages: [], keyboard: null } };
const $ = (id) => document.getElementById(id);

async function api(path, options = {}) {
  const method = options.method || 'GET';
  // Every POST carries JSON: the API accepts only application/json, which another site cannot send without asking.
  const response = await fetch('api/' + path, {
    method,
    headers: method === 'GET' ? {} : { 'Content-Type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(options.body || {}),
    cache: 'no-store',
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error((data && (data.error || data.title)) || ('HTTP ' + response.status));
  }
  return data;
}

function showError(error) {
  const element = $('error');
  element.textContent = error ? String(error.message || error) : '';
  element.hidden = !error;
}

async function run(action) {
  try { showError(null); await action(); } catch (error) { showError(error); }
}

// ---------- Viber text formatting: *bold* _italic_ ~strike~ ```mono``` ----------
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function formatViberText(text) {
  return escapeHtml(text)
    .replace(/```([\s\S]+?)```/g, '<code>$1</code>')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,!?])/g, '$1<b>$2</b>')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,!?])/g, '$1<i>$2</i>')
    .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,!?])/g, '$1<s>$2</s>');
}

// Button text allows a small HTML subset (<b> <i> <u> <s> <br> <font color size>); everything else is dropped.
const allowedTags = new Set(['B', 'I', 'U', 'S', 'BR', 'FONT']);
function sanitizeButtonHtml(html) {
  const doc = new DOMParser().parseFromString('<div>' + (html || '') + '</div>', 'text/html');
  const clean = (node) => {
    const out = document.createDocumentFragment();
    node.childNodes.forEach((child) => {
      if (child.nodeType === Node.TEXT_NODE) { out.appendChild(document.createTextNode(child.textContent)); return; }
      if (child.nodeType !== Node.ELEMENT_NODE) { return; }
      if (!allowedTags.has(child.tagName)) { out.appendChild(clean(child)); return; }
      if (child.tagName === 'FONT') {
        const span = document.createElement('span');
        const color = child.getAttribute('color');
        const size = parseInt(child.getAttribute('size'), 10);
        if (color && /^#?[0-9a-fA-F]{3,8}$/.test(color)) { span.style.color = color.startsWith('#') ? color : '#' + color; }
        if (size >= 12 && size <= 32) { span.style.fontSize = size + 'px'; }
        span.appendChild(clean(child));
        out.appendChild(span);
        return;
      }
      const element = document.createElement(child.tagName.toLowerCase());
      element.appendChild(clean(child));
      out.appendChild(element);
    });
    return out;
  };
  return clean(doc.body.firstChild);
}

// ---------- Buttons, keyboards and carousels ----------
function renderButton(button, onTap) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'vb-button';
  element.style.gridColumn = 'span ' + (button.Columns || 6);
  element.style.gridRow = 'span ' + (button.Rows || 1);
  if (button.BgColor) { element.style.backgroundColor = button.BgColor; }
  if (button.BgMedia) { element.style.backgroundImage = 'url("' + encodeURI(button.BgMedia) + '")'; }
  if (button.Frame) {
    element.style.border = (button.Frame.BorderWidth ?? 1) + 'px solid ' + (button.Frame.BorderColor || '#000');
    element.style.borderRadius = (button.Frame.CornerRadius ?? 0) + 'px';
  }
  if (button.Image) {
    const image = document.createElement('img');
    image.className = 'button-image';
    image.alt = '';
    image.src = button.Image;
    image.addEventListener('error', () => image.remove());
    element.appendChild(image);
  }
  if (button.Text) {
    const text = document.createElement('div');
    text.className = 'button-text';
    text.style.textAlign = { left: 'left', right: 'right' }[button.TextHAlign] || 'center';
    text.style.fontSize = { small: '11px', large: '16px' }[button.TextSize] || '13px';
    if (button.TextOpacity !== undefined) { text.style.opacity = button.TextOpacity / 100; }
    text.appendChild(sanitizeButtonHtml(button.Text));
    element.appendChild(text);
  }
  element.style.justifyContent = { top: 'flex-start', bottom: 'flex-end' }[button.TextVAlign] || 'center';
  const actionType = button.ActionType || 'reply';
  element.dataset.actionBody = button.ActionBody || '';
  element.dataset.actionType = actionType;
  element.title = actionType + ': ' + (button.ActionBody || '');
  if (actionType === 'none') { element.classList.add('inert'); }
  element.addEventListener('click', () => {
    // A Viber client opens the link itself and also sends the URL to the bot.
    if (actionType === 'open-url' && /^https?:\/\//i.test(button.ActionBody || '')) { window.open(button.ActionBody, '_blank', 'noopener'); }
    onTap();
  });
  return element;
}

// The keyboard the user's client shows: buttons on Viber's 6-column grid (Columns 1-6, Rows 1-2 each).
function renderKeyboard(keyboard) {
  const container = $('keyboard');
  container.replaceChildren();
  container.style.backgroundColor = '';
  // InputFieldState: a Viber client hides or shrinks its text field while such a keyboard is shown.
  const inputState = (keyboard && keyboard.InputFieldState) || 'regular';
  document.body.dataset.inputFieldState = inputState;
  $('message-input').placeholder = inputState === 'hidden' ? 'The bot hid the text field (InputFieldState: hidden)' : 'Type a message';
  if (!keyboard || !Array.isArray(keyboard.Buttons)) { return; }
  container.style.backgroundColor = keyboard.BgColor || '';
  keyboard.Buttons.forEach((button, index) => container.appendChild(renderButton(button, () => tap({ index }))));
}

// A carousel: blocks of ButtonsGroupColumns x ButtonsGroupRows cells, filled with buttons in order, side by side.
function renderRichMedia(richMedia, token) {
  const columns = richMedia.ButtonsGroupColumns || 6;
  const rows = richMedia.ButtonsGroupRows || 7;
  const carousel = document.createElement('div');
  carousel.className = 'carousel';
  let block = null;
  let used = 0;
  (richMedia.Buttons || []).forEach((button, index) => {
    const cells = Math.min(button.Columns || columns, columns) * Math.min(button.Rows || rows, rows);
    if (!block || used + cells > columns * rows) {
      block = document.createElement('div');
      block.className = 'rm-block';
      block.style.gridTemplateColumns = 'repeat(' + columns + ', 1fr)';
      block.style.gridTemplateRows = 'repeat(' + rows + ', 30px)';
      block.style.width = (columns * 40) + 'px';
      if (richMedia.BgColor) { block.style.backgroundColor = richMedia.BgColor; }
      carousel.appendChild(block);
      used = 0;
    }
    used += cells;
    block.appendChild(renderButton(button, () => tap({ index, messageToken: token })));
  });
  return carousel;
}

// ---------- Messages ----------
// Media comes from the bot's URLs, which may be unreachable (offline, example.com): show a placeholder then.
function mediaImage(url, alt, label) {
  const image = document.createElement('img');
  image.className = 'media';
  image.alt = alt || '';
  image.src = url;
  image.addEventListener('error', () => {
    const placeholder = div('card media-missing');
    placeholder.appendChild(document.createTextNode((label || '🖼 Picture') + ' '));
    placeholder.appendChild(link(url, 'open'));
    image.replaceWith(placeholder);
  });
  return image;
}

function link(url, text) {
  const anchor = document.createElement('a');
  anchor.href = /^https?:\/\//i.test(url || '') ? url : '#';
  anchor.target = '_blank';
  anchor.rel = 'noopener noreferrer';
  anchor.textContent = text || url;
  return anchor;
}

function div(className, html) {
  const element = document.createElement('div');
  element.className = className;
  if (html !== undefined) { element.innerHTML = html; }
  return element;
}

function card(className, icon, ...parts) {
  const element = div('card ' + className);
  element.appendChild(document.createTextNode(icon + ' '));
  parts.forEach((part) => element.appendChild(typeof part === 'string' ? document.createTextNode(part) : part));
  return element;
}

function renderMessageBody(entry) {
  const message = entry.message;
  const body = document.createElement('div');
  body.className = 'body';
  switch (message.type) {
    case 'text': body.appendChild(div('text', formatViberText(message.text || ''))); break;
    case 'picture':
      body.appendChild(mediaImage(message.media, message.text));
      if (message.text) { body.appendChild(div('text', formatViberText(message.text))); }
      break;
    case 'video':
      body.appendChild(card('video', '🎬', 'Video' + (message.duration ? ' · ' + message.duration + ' s' : '') + (message.size ? ' · ' + kilobytes(message.size) : '') + ' ', link(message.media, 'play')));
      break;
    case 'file':
      body.appendChild(card('file', '📄', link(message.media, message.file_name || 'file'), message.size ? ' · ' + kilobytes(message.size) : ''));
      break;
    case 'location': {
      const { lat, lon } = message.location || {};
      body.appendChild(card('location', '📍', lat + ', ' + lon + ' ', link('https://www.openstreetmap.org/?mlat=' + lat + '&mlon=' + lon, 'map')));
      break;
    }
    case 'contact': {
      const contact = message.contact || {};
      body.appendChild(card('contact', '👤', (contact.name || '') + ' · ' + (contact.phone_number || '')));
      break;
    }
    case 'sticker': body.appendChild(card('sticker', '🙂', 'Sticker #' + message.sticker_id)); break;
    case 'url': body.appendChild(card('url', '🔗', link(message.media))); break;
    case 'rich_media': body.appendChild(renderRichMedia(message.rich_media || {}, entry.token)); break;
    case undefined: case null:
      body.appendChild(div('text system', message.keyboard ? '(keyboard updated)' : '(empty message)'));
      break;
    default: body.appendChild(div('text system', 'Unsupported message type: ' + escapeHtml(message.type)));
  }
  return body;
}

function kilobytes(size) { return Math.max(1, Math.ceil(size / 1024)) + ' KB'; }

// Viber's ticks: one while sending, two when delivered, two coloured when seen.
const ticks = { sending: '✓', delivered: '✓✓', seen: '✓✓', failed: '⚠' };

function renderConversation() {
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren();
  state.conversation.messages.forEach((entry) => {
    // A silent button's message is sent to the bot but not shown in the chat.
    if (entry.silent) { return; }
    const item = document.createElement('li');
    item.className = 'msg ' + entry.direction + ' type-' + (entry.message.type || 'keyboard') + ' status-' + entry.status;
    item.dataset.token = entry.token;
    if (entry.direction === 'bot') {
      const sender = entry.message.sender || {};
      const header = div('sender');
      const avatar = document.createElement('span');
      avatar.className = 'avatar';
      // The initial shows until (or unless) the avatar loads; drawn by CSS so it is not part of the sender's name.
      avatar.dataset.initial = (sender.name || (state.bot && state.bot.name) || 'B').trim().charAt(0).toUpperCase();
      if (sender.avatar) {
        const image = document.createElement('img');
        image.alt = '';
        image.src = sender.avatar;
        image.addEventListener('error', () => image.remove());
        avatar.appendChild(image);
      }
      header.appendChild(avatar);
      header.appendChild(document.createTextNode(sender.name || (state.bot && state.bot.name) || 'Bot'));
      item.appendChild(header);
    }
    item.appendChild(renderMessageBody(entry));
    const meta = div('meta');
    const time = document.createElement('time');
    time.dateTime = entry.time;
    time.textContent = new Date(entry.time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    meta.appendChild(time);
    const tick = document.createElement('span');
    tick.className = 'ticks ' + entry.status;
    tick.title = entry.status + (entry.error ? ': ' + entry.error : '');
    tick.textContent = ticks[entry.status] || '';
    meta.appendChild(tick);
    if (entry.error) { meta.appendChild(div('failure', escapeHtml(entry.error))); }
    item.appendChild(meta);
    list.appendChild(item);
  });
  if (atBottom || list.dataset.userId !== state.selected) { list.scrollTop = list.scrollHeight; }
  list.dataset.userId = state.selected || '';
  renderKeyboard(state.conversation.keyboard);
}

// ---------- Users ----------
function renderUsers() {
  const list = $('user-list');
  list.replaceChildren();
  state.users.forEach((user) => {
    const item = document.createElement('li');
    item.dataset.userId = user.id;
    if (state.selected === user.id) { item.classList.add('selected'); }
    const badge = '<span class="badge ' + (user.subscribed ? 'on' : '') + '">' + (user.subscribed ? 'subscribed' : 'not subscribed') + '</span>';
    item.innerHTML = '<span class="name">' + escapeHtml(user.name) + '</span> ' + badge;
    item.addEventListener('click', () => run(() => selectUser(user.id)));
    list.appendChild(item);
  });
  const user = state.users.find((u) => u.id === state.selected);
  $('chat-title').textContent = user ? user.name + ' ↔ ' + ((state.bot && state.bot.name) || 'the bot') : 'Pick or create a user';
  $('chat-actions').hidden = !user;
  $('composer').hidden = !user;
  $('subscribe').disabled = !user || user.subscribed;
  $('unsubscribe').disabled = !user || !user.subscribed;
}

function renderBot() {
  const bot = state.bot || {};
  const info = $('bot-info');
  info.replaceChildren();
  info.appendChild(div('bot-name', escapeHtml(bot.name || 'Bot')));
  info.appendChild(div(bot.webhook ? 'webhook' : 'webhook missing', escapeHtml(bot.webhook ? 'webhook ' + bot.webhook : 'no webhook set')));
  info.appendChild(div('subscribers', escapeHtml((bot.subscribersCount || 0) + ' subscribed')));
}

// Refreshes coalesce: while one is in flight, any number of requests for another make exactly one more.
function coalesced(load) {
  let running = null;
  let again = false;
  const start = () => {
    running = load().finally(() => {
      running = null;
      if (again) { again = false; start(); }
    });
    return running;
  };
  return () => { if (running) { again = true; return running; } return start(); };
}

const refreshState = coalesced(async () => {
  const data = await api('state');
  state.bot = data.bot;
  state.users = data.users;
  renderBot();
  renderUsers();
});

const refreshConversation = coalesced(async () => {
  const id = state.selected;
  const conversation = id ? await api('users/' + encodeURIComponent(id) + '/conversation') : { messages: [], keyboard: null };
  if (id !== state.selected) { return; } // The user switched chats meanwhile.
  state.conversation = conversation;
  renderConversation();
});

async function selectUser(id) {
  state.selected = id;
  history.replaceState(null, '', '#' + encodeURIComponent(id));
  renderUsers();
  filterEvents();
  await refreshConversation();
}

function userPath(action) { return 'users/' + encodeURIComponent(state.selected) + '/' + action; }

// ---------- Actions ----------
function tap(which) {
  run(async () => {
    if (!state.selected) { throw new Error('Pick a user first.'); }
    await api(userPath('tap'), { method: 'POST', body: which });
  });
}

function composeMessage(type, value) {
  switch (type) {
    case 'text': return { type, text: value };
    case 'picture': return { type, media: value || 'https://example.com/picture.jpg' };
    case 'video': return { type, media: value || 'https://example.com/video.mp4', size: 1000000, duration: 10 };
    case 'sticker': return { type, sticker_id: parseInt(value, 10) || 40129 };
    case 'contact': { const [name, phone] = (value || 'John Doe,+380000000000').split(','); return { type, contact: { name: name.trim(), phone_number: (phone || '').trim() } }; }
    case 'url': return { type, media: value || 'https://www.viber.com' };
    case 'location': { const [lat, lon] = (value || '50.45,30.52').split(',').map(Number); return { type, location: { lat, lon } }; }
    default: throw new Error('Unknown type ' + type);
  }
}

// ---------- The side panel: raw callbacks and API calls, live ----------
const panelKinds = new Set(['api', 'callback', 'error']);

function addEvent(event) {
  const list = $('events');
  const item = document.createElement('li');
  item.className = 'event ' + event.kind + (event.ok === false ? ' failed' : event.ok === true ? ' ok' : '');
  item.dataset.seq = event.seq;
  if (event.userId) { item.dataset.userId = event.userId; }
  item.hidden = !visibleInPanel(item);
  const title = document.createElement('div');
  title.className = 'summary';
  title.innerHTML = '<span class="kind">' + escapeHtml(event.kind) + '</span> ' + escapeHtml(event.summary || '');
  item.appendChild(title);
  if (event.detail) {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'raw';
    const pre = document.createElement('pre');
    pre.textContent = event.detail;
    details.append(summary, pre);
    // Failures open by themselves: the answer's status and status_message are the point.
    details.open = event.ok === false;
    item.appendChild(details);
  }
  list.prepend(item);
  while (list.children.length > 300) { list.removeChild(list.lastChild); }
}

// Events about other users can be hidden; events about no user (set_webhook, the webhook check) always show.
function visibleInPanel(item) {
  return !$('events-selected-only').checked || !item.dataset.userId || item.dataset.userId === state.selected;
}

function filterEvents() {
  Array.from($('events').children).forEach((item) => { item.hidden = !visibleInPanel(item); });
}

function listen() {
  // The last events come first (history), so the panel shows what happened before the page was opened.
  const source = new EventSource('api/events?history=100');
  source.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (panelKinds.has(event.kind)) { addEvent(event); }
    if (event.refreshUsers) { run(refreshState); }
    if (event.userId && event.userId === state.selected && (event.kind === 'message' || event.kind === 'message-state' || event.kind === 'user')) {
      run(refreshConversation);
    }
  };
  source.onerror = () => { $('live').classList.remove('on'); $('live').title = 'Live updates disconnected; reconnecting…'; };
  source.onopen = () => {
    $('live').classList.add('on');
    $('live').title = 'Live';
    // Anything may have changed while disconnected.
    run(refreshState);
    run(refreshConversation);
  };
}

$('new-user-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  run(async () => {
    const user = await api('users', { method: 'POST', body: {
      name: form.get('name'), country: form.get('country'), language: form.get('language'),
      apiVersion: parseInt(form.get('apiVersion'), 10) || null, devices: parseInt(form.get('devices'), 10) || null,
    } });
    await refreshState();
    await selectUser(user.id);
  });
});
$('open-conversation').addEventListener('click', () => run(() => api(userPath('open'), { method: 'POST', body: { context: $('context-input').value || null } })));
$('subscribe').addEventListener('click', () => run(() => api(userPath('subscribe'), { method: 'POST' })));
$('unsubscribe').addEventListener('click', () => run(() => api(userPath('unsubscribe'), { method: 'POST' })));
$('mark-seen').addEventListener('click', () => run(() => api(userPath('seen'), { method: 'POST' })));
$('clear-events').addEventListener('click', () => $('events').replaceChildren());
$('events-selected-only').addEventListener('change', filterEvents);
$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $('message-input');
  const type = $('message-type').value;
  if (type === 'text' && !input.value) { return; }
  run(async () => {
    await api(userPath('messages'), { method: 'POST', body: composeMessage(type, input.value) });
    input.value = '';
  });
});

run(async () => {
  await refreshState();
  const fromHash = decodeURIComponent(location.hash.slice(1));
  if (fromHash && state.users.some((u) => u.id === fromHash)) { await selectUser(fromHash); }
  else if (state.users.length) { await selectUser(state.users[0].id); }
  listen();
});
