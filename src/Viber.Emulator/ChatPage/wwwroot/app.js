// The Viber emulator's chat page. It talks to the emulator through a small JSON API under ./api/ and listens to
// ./api/events (server-sent events) so callbacks, API calls and messages show up live. No build step, no CDN.
// It does not poll: events say what changed, and only a broken stream makes it fall back to a slow refresh.
'use strict';

const state = { users: [], selected: null, bot: null, conversation: { messages: [], keyboard: null }, shownConversation: null, loaded: false };
const $ = (id) => document.getElementById(id);

// The page API answers errors as { error, field }: the field (a JSON path such as location.lat) marks the input.
class ApiError extends Error {
  constructor(message, field) { super(message); this.field = field || null; }
}

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
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (error) { data = null; } // A proxy's HTML error page, say.
  if (!response.ok) {
    throw new ApiError((data && (data.error || data.title)) || ('HTTP ' + response.status + ' ' + response.statusText), data && data.field);
  }
  return data;
}

// Which input a field of the page API belongs to, so its error is shown where it was typed.
function inputForField(field) {
  if (!field) { return null; }
  if (field === 'file_name') { return $('file-name-input'); }
  if (field === 'size' || field === 'file_size') { return $('file-size-input'); }
  if (field === 'context') { return $('context-input'); }
  if (/^(text|media|sticker_id|type|location|contact)\b/.test(field)) { return $('message-input'); }
  return document.querySelector('#new-user-form [name="' + CSS.escape(field) + '"]');
}

function clearInvalid() {
  document.querySelectorAll('[aria-invalid="true"]').forEach((input) => input.removeAttribute('aria-invalid'));
}

// Errors show next to what caused them: the composer's line under the chat, the new-user form's in the form.
function showError(error, element = $('error')) {
  clearInvalid();
  [$('error'), $('new-user-error')].forEach((other) => { other.hidden = true; });
  element.textContent = error ? String(error.message || error) : '';
  element.hidden = !error;
  const input = error && inputForField(error.field);
  if (input) { input.setAttribute('aria-invalid', 'true'); }
}

// A user's action: its error replaces the last one, and stays until the next action.
async function run(action, errorElement) {
  try { showError(null); await action(); } catch (error) { showError(error, errorElement); }
}

// A refresh nobody asked for (an event, the fallback poll): it must not wipe the error of the user's last action.
let backgroundFailed = false;
async function background(load) {
  try {
    await load();
    if (backgroundFailed) { backgroundFailed = false; showError(null); }
  } catch (error) {
    backgroundFailed = true;
    showError(error);
  }
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
  updateComposer();
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
    case 'file': {
      // Bots send size; Viber's callbacks name it file_size.
      const size = message.size || message.file_size;
      body.appendChild(card('file', '📄', link(message.media, message.file_name || 'file'), size ? ' · ' + kilobytes(size) : ''));
      break;
    }
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
      // The chat title names the bot by its account; a message's sender.name shows only where it says something else
      // (a bot may sign messages as "Anna from support"), so one bot never appears under two names by accident.
      const sender = entry.message.sender || {};
      const account = accountName();
      const name = sender.name || account;
      const header = div('sender');
      const avatar = document.createElement('span');
      avatar.className = 'avatar';
      avatar.title = name + (sender.avatar ? '' : ' (no sender.avatar)');
      // The initial shows until (or unless) the avatar loads; drawn by CSS so it is not part of the sender's name.
      avatar.dataset.initial = (name || 'B').trim().charAt(0).toUpperCase();
      if (sender.avatar) {
        const image = document.createElement('img');
        image.alt = '';
        image.src = sender.avatar;
        image.addEventListener('error', () => image.remove());
        avatar.appendChild(image);
      }
      header.appendChild(avatar);
      if (sender.name && sender.name !== account) {
        const label = document.createElement('span');
        label.className = 'sender-name';
        label.title = 'sender.name of this message; the bot account is named ' + account;
        label.textContent = sender.name;
        header.appendChild(label);
      }
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
function accountName() { return (state.bot && state.bot.name) || 'the bot'; }

function renderUsers() {
  const list = $('user-list');
  list.replaceChildren();
  // A user that is gone (the app restarted with a new emulator) cannot be acted for.
  if (state.loaded && state.selected && !state.users.some((u) => u.id === state.selected)) { state.selected = null; }
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
  // The account's name, as a Viber client titles the chat; bubbles add a sender.name only where it differs.
  $('chat-title').textContent = user ? user.name + ' ↔ ' + accountName() : 'Pick or create a user';
  $('no-user').hidden = Boolean(user);
  $('chat-actions').hidden = !user;
  $('composer').hidden = !user;
  ['open-conversation', 'mark-seen', 'send'].forEach((id) => { $(id).disabled = !user; });
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
  if (!state.loaded) {
    state.loaded = true;
    // The first load picks the user in the address (a reload keeps the chat), else the first one.
    const fromHash = decode(location.hash.slice(1));
    const initial = state.users.find((u) => u.id === fromHash) || state.users[0];
    if (initial) { state.selected = initial.id; pending.conversation = true; }
  }
  renderBot();
  renderUsers();
  filterEvents();
});

const refreshConversation = coalesced(async () => {
  const id = state.selected;
  const conversation = id ? await api('users/' + encodeURIComponent(id) + '/conversation') : { messages: [], keyboard: null };
  if (id !== state.selected) { return; } // The user switched chats meanwhile.
  // A refresh that changes nothing leaves the chat alone: rebuilding it would drop a hover, a text selection, or a
  // tap in progress on a button that is replaced under the pointer.
  const shown = JSON.stringify([id, accountName(), conversation]);
  if (shown === state.shownConversation) { return; }
  state.shownConversation = shown;
  state.conversation = conversation;
  renderConversation();
});

// Events come in bursts (a message, its callback, the bot's reply, its delivered ticks): the refresh waits until
// the events pause for a moment, and a longer burst is shown at least once a second; one request per burst and kind,
// not one per event.
const refreshQuietMs = 150;
const refreshMaxWaitMs = 1000;
const pending = { state: false, conversation: false, timer: 0, since: 0 };

function scheduleRefresh(what) {
  pending[what] = true;
  const now = Date.now();
  if (pending.timer) {
    if (now - pending.since >= refreshMaxWaitMs) { return; } // Due soon anyway.
    clearTimeout(pending.timer);
  } else {
    pending.since = now;
  }
  pending.timer = setTimeout(flushRefresh, Math.min(refreshQuietMs, pending.since + refreshMaxWaitMs - now));
}

async function flushRefresh() {
  pending.timer = 0;
  // The state first: its first load picks the user whose conversation comes next.
  if (pending.state) { pending.state = false; await background(refreshState); }
  if (pending.conversation) { pending.conversation = false; await background(refreshConversation); }
}

const narrow = window.matchMedia('(max-width: 959px)');

async function selectUser(id) {
  state.selected = id;
  history.replaceState(null, '', '#' + encodeURIComponent(id));
  renderUsers();
  filterEvents();
  if (narrow.matches) { setPanel(''); } // On a phone the chat is what the user came for.
  await refreshConversation();
}

function userPath(action) {
  // The buttons are hidden and disabled without a user; this is for anything that gets through anyway.
  if (!state.selected) { throw new ApiError('Pick or create a user first.', 'id'); }
  return 'users/' + encodeURIComponent(state.selected) + '/' + action;
}

// ---------- Panels on narrow screens ----------
let unseenEvents = 0;
let unseenFailure = false;

function setPanel(name) {
  document.body.dataset.panel = name || '';
  $('toggle-users').setAttribute('aria-expanded', String(name === 'users'));
  $('toggle-events').setAttribute('aria-expanded', String(name === 'events'));
  if (name === 'events') { unseenEvents = 0; unseenFailure = false; }
  renderUnseen();
}

function togglePanel(name) { setPanel(document.body.dataset.panel === name ? '' : name); }

function renderUnseen() {
  $('events-unseen').textContent = String(unseenEvents);
  $('events-unseen').hidden = unseenEvents === 0;
  $('events-unseen').classList.toggle('failed', unseenFailure);
  $('events-unseen').title = unseenEvents + ' new' + (unseenFailure ? ', some failed' : '');
}

function eventsPanelShown() { return !narrow.matches || document.body.dataset.panel === 'events'; }

// ---------- Actions ----------
function tap(which) {
  run(() => api(userPath('tap'), { method: 'POST', body: which }));
}

// What each message type takes in the one input, with an example that is also sent when the input is left empty.
const composerTypes = {
  text: { placeholder: 'Type a message', hint: 'Text; Viber formatting works: *bold* _italic_ ~strike~ ```monospace```.' },
  picture: { placeholder: 'https://example.com/photo.jpg', hint: 'Picture: its URL (.jpg, .png or .gif).', example: true },
  video: { placeholder: 'https://example.com/video.mp4', hint: 'Video: its URL (.mp4); sent as 1 MB and 10 s long.', example: true },
  file: { placeholder: 'https://example.com/report.pdf', hint: 'File: its URL, its name with the extension and its size in bytes.', example: true },
  sticker: { placeholder: '40129', hint: 'Sticker: a Viber sticker id (a number).', example: true },
  contact: { placeholder: 'Name, +380501234567', hint: 'Contact: a name and a phone number, separated by a comma.', example: true },
  url: { placeholder: 'https://www.viber.com', hint: 'URL: a link starting with http:// or https://.', example: true },
  location: { placeholder: '48.8584, 2.2945', hint: 'Location: latitude (-90 to 90), longitude (-180 to 180) in degrees.', example: true },
};

function updateComposer() {
  const type = $('message-type').value;
  const config = composerTypes[type] || composerTypes.text;
  const fieldHidden = document.body.dataset.inputFieldState === 'hidden';
  $('message-input').placeholder = fieldHidden && type === 'text' ? 'The bot hid the text field (InputFieldState: hidden)' : config.placeholder;
  $('composer-hint').textContent = config.hint + (config.example ? ' Left empty, the example shown is sent.' : '');
  $('file-fields').hidden = type !== 'file';
}

function decode(text) {
  try { return decodeURIComponent(text); } catch (error) { return text; } // A stray '%' is kept as typed.
}

// A number where the text is one, else the text itself: the page API then says what the field needs.
function numberOr(text) {
  if (text === undefined) { return undefined; }
  const trimmed = text.trim();
  const number = Number(trimmed);
  return trimmed !== '' && Number.isFinite(number) ? number : trimmed;
}

function composeMessage(type, input, fileName, fileSize) {
  const value = input.trim() || composerTypes[type].placeholder;
  switch (type) {
    case 'text': return { type, text: input };
    case 'picture': return { type, media: value };
    case 'video': return { type, media: value, size: 1000000, duration: 10 };
    case 'file': {
      const size = numberOr(fileSize.trim() || $('file-size-input').placeholder);
      const name = fileName.trim() || decode(value.split(/[?#]/)[0].split('/').pop() || '') || $('file-name-input').placeholder;
      // Viber's callbacks carry file_size, bots send size: the page sends both, as the emulator's users do.
      return { type, media: value, file_name: name, size, file_size: size };
    }
    case 'sticker': return { type, sticker_id: numberOr(value) };
    case 'contact': {
      const comma = value.indexOf(',');
      const name = comma < 0 ? value : value.slice(0, comma);
      return { type, contact: { name: name.trim(), phone_number: comma < 0 ? undefined : value.slice(comma + 1).trim() } };
    }
    case 'url': return { type, media: value };
    case 'location': {
      const [lat, lon] = value.split(/\s*[,;\s]\s*/);
      return { type, location: { lat: numberOr(lat), lon: numberOr(lon) } };
    }
    default: throw new ApiError('Unknown message type ' + type, 'type');
  }
}

// ---------- The side panel: raw callbacks and API calls, live ----------
const panelKinds = new Set(['api', 'callback', 'error']);

function addEvent(event) {
  const list = $('events');
  // A stream opened anew (after the browser gave up on the old one) starts with history the panel may already show.
  if (list.querySelector('li[data-seq="' + event.seq + '"]')) { return; }
  if (!eventsPanelShown()) {
    unseenEvents++;
    unseenFailure = unseenFailure || event.ok === false;
    renderUnseen();
  }
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

// The stream says what changed; only while it is down does the page refresh by itself, and slowly.
const fallbackPollMs = 10000;
const streamOpenTimeoutMs = 5000;
let live = false;
let fallbackTimer = 0;

function setLive(on, title) {
  live = on;
  document.querySelectorAll('.live-dot').forEach((dot) => { dot.classList.toggle('on', on); dot.title = title; });
}

function startFallbackPolling() {
  if (fallbackTimer) { return; }
  const poll = () => { scheduleRefresh('state'); scheduleRefresh('conversation'); };
  poll();
  fallbackTimer = setInterval(poll, fallbackPollMs);
}

function stopFallbackPolling() {
  clearInterval(fallbackTimer);
  fallbackTimer = 0;
}

function listen() {
  // The last events come first (history), so the panel shows what happened before the page was opened.
  const source = new EventSource('api/events?history=100');
  source.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (panelKinds.has(event.kind)) { addEvent(event); }
    if (event.refreshUsers) { scheduleRefresh('state'); }
    if (event.userId && event.userId === state.selected && (event.kind === 'message' || event.kind === 'message-state')) {
      scheduleRefresh('conversation');
    }
  };
  source.onopen = () => {
    setLive(true, 'Live');
    stopFallbackPolling();
    // The first load, or anything that changed while disconnected.
    scheduleRefresh('state');
    scheduleRefresh('conversation');
  };
  source.onerror = () => {
    setLive(false, 'Live updates disconnected; reconnecting (the page refreshes every ' + (fallbackPollMs / 1000) + ' s meanwhile)…');
    startFallbackPolling();
    if (source.readyState === EventSource.CLOSED) {
      // The browser gave up (an error status, not an event stream): try a new stream as slowly as the polling.
      source.close();
      setTimeout(listen, fallbackPollMs);
    }
  };
  // A stream that neither opens nor fails (a proxy holding the answer back) must not leave the page blank.
  setTimeout(() => { if (!live) { startFallbackPolling(); } }, streamOpenTimeoutMs);
}

$('new-user-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  run(async () => {
    const user = await api('users', { method: 'POST', body: {
      name: form.get('name'), country: form.get('country'), language: form.get('language'),
      apiVersion: parseInt(form.get('apiVersion'), 10) || null, devices: parseInt(form.get('devices'), 10) || null,
    } });
    // The stream's event refreshes the list; the new user is shown at once meanwhile.
    if (!state.users.some((u) => u.id === user.id)) { state.users.push(user); }
    await selectUser(user.id);
    if (!live) { scheduleRefresh('state'); }
  }, $('new-user-error'));
});

// Without the stream nothing says that an action had an effect: the page looks once it is under way.
function act(path, body) {
  return run(async () => {
    await api(userPath(path), { method: 'POST', body });
    if (!live) { scheduleRefresh('state'); scheduleRefresh('conversation'); }
  });
}

$('open-conversation').addEventListener('click', () => act('open', { context: $('context-input').value || null }));
$('subscribe').addEventListener('click', () => act('subscribe'));
$('unsubscribe').addEventListener('click', () => act('unsubscribe'));
$('mark-seen').addEventListener('click', () => act('seen'));
$('clear-events').addEventListener('click', () => $('events').replaceChildren());
$('events-selected-only').addEventListener('change', filterEvents);
$('toggle-users').addEventListener('click', () => togglePanel('users'));
$('toggle-events').addEventListener('click', () => togglePanel('events'));
$('pick-user').addEventListener('click', () => {
  if (narrow.matches) { setPanel('users'); }
  document.querySelector('#new-user-form [name="name"]').focus();
});
document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && document.body.dataset.panel) { setPanel(''); } });
document.addEventListener('input', (e) => { if (e.target.removeAttribute) { e.target.removeAttribute('aria-invalid'); } });
$('message-type').addEventListener('change', () => {
  updateComposer();
  clearInvalid();
  $('message-input').focus();
});
$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $('message-input');
  const type = $('message-type').value;
  if (type === 'text' && !input.value) { return; }
  run(async () => {
    await api(userPath('messages'), { method: 'POST', body: composeMessage(type, input.value, $('file-name-input').value, $('file-size-input').value) });
    input.value = '';
    $('file-name-input').value = '';
    $('file-size-input').value = '';
    if (!live) { scheduleRefresh('conversation'); }
  });
});

updateComposer();
renderUsers();
listen();
