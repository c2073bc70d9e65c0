// The Viber emulator's chat page. It talks to the emulator through a small JSON API under ./api/ and listens to
// ./api/events (server-sent events) so callbacks, API calls and messages show up live. No build step, no CDN.
'use strict';

const state = { users: [], selected: null, bot: null, conversation: [] };
const $ = (id) => document.getElementById(id);

async function api(path, options = {}) {
  const response = await fetch('api/' + path, {
    method: options.method || 'GET',
    headers: options.body ? { 'Content-Type': 'application/json' } : {},
    body: options.body ? JSON.stringify(options.body) : undefined,
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
  element.dataset.actionBody = button.ActionBody || '';
  element.dataset.actionType = button.ActionType || 'reply';
  element.title = (button.ActionType || 'reply') + ': ' + (button.ActionBody || '');
  element.addEventListener('click', () => onTap(button));
  return element;
}

function renderKeyboard(keyboard) {
  const container = $('keyboard');
  container.replaceChildren();
  if (!keyboard || !Array.isArray(keyboard.Buttons)) { return; }
  container.style.backgroundColor = keyboard.BgColor || '';
  keyboard.Buttons.forEach((button) => container.appendChild(renderButton(button, tap)));
}

function renderRichMedia(richMedia) {
  const columns = richMedia.ButtonsGroupColumns || 6;
  const rows = richMedia.ButtonsGroupRows || 7;
  const carousel = document.createElement('div');
  carousel.className = 'carousel';
  let block = null;
  let used = 0;
  (richMedia.Buttons || []).forEach((button) => {
    const cells = (button.Columns || columns) * (button.Rows || rows);
    if (!block || used + cells > columns * rows) {
      block = document.createElement('div');
      block.className = 'rm-block';
      block.style.gridTemplateColumns = 'repeat(' + columns + ', 1fr)';
      block.style.gridTemplateRows = 'repeat(' + rows + ', 32px)';
      if (richMedia.BgColor) { block.style.backgroundColor = richMedia.BgColor; }
      carousel.appendChild(block);
      used = 0;
    }
    used += cells;
    block.appendChild(renderButton(button, tap));
  });
  return carousel;
}

// ---------- Messages ----------
function mediaImage(url, alt) {
  const image = document.createElement('img');
  image.className = 'media';
  image.alt = alt || '';
  image.src = url;
  return image;
}

function link(url, text) {
  const anchor = document.createElement('a');
  anchor.href = url;
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

function renderMessageBody(message) {
  const body = document.createElement('div');
  body.className = 'body';
  switch (message.type) {
    case 'text': body.appendChild(div('text', formatViberText(message.text || ''))); break;
    case 'picture':
      body.appendChild(mediaImage(message.media, message.text));
      if (message.text) { body.appendChild(div('text', formatViberText(message.text))); }
      break;
    case 'video': {
      const card = div('card video');
      card.appendChild(document.createTextNode('🎬 Video' + (message.duration ? ' · ' + message.duration + ' s' : '') + ' '));
      card.appendChild(link(message.media, 'play'));
      body.appendChild(card);
      break;
    }
    case 'file': {
      const card = div('card file');
      card.appendChild(document.createTextNode('📄 '));
      card.appendChild(link(message.media, message.file_name || 'file'));
      if (message.size) { card.appendChild(document.createTextNode(' · ' + Math.ceil(message.size / 1024) + ' KB')); }
      body.appendChild(card);
      break;
    }
    case 'location': {
      const card = div('card location');
      const { lat, lon } = message.location || {};
      card.appendChild(document.createTextNode('📍 ' + lat + ', ' + lon));
      body.appendChild(card);
      break;
    }
    case 'contact': {
      const card = div('card contact');
      card.textContent = '👤 ' + ((message.contact && message.contact.name) || '') + ' · ' + ((message.contact && message.contact.phone_number) || '');
      body.appendChild(card);
      break;
    }
    case 'sticker': body.appendChild(div('card sticker', '🙂 Sticker #' + escapeHtml(message.sticker_id))); break;
    case 'url': { const card = div('card url'); card.appendChild(link(message.media)); body.appendChild(card); break; }
    case 'rich_media':
      body.appendChild(renderRichMedia(message.rich_media || {}));
      break;
    case undefined: case null:
      body.appendChild(div('text system', message.keyboard ? '(keyboard updated)' : '(empty message)'));
      break;
    default: body.appendChild(div('text system', 'Unsupported message type: ' + escapeHtml(message.type)));
  }
  return body;
}

function renderConversation() {
  const list = $('messages');
  list.replaceChildren();
  let lastKeyboard = null;
  state.conversation.forEach((entry) => {
    const item = document.createElement('li');
    item.className = 'msg ' + entry.direction + ' type-' + (entry.message.type || 'keyboard');
    item.dataset.token = entry.token;
    if (entry.direction === 'bot') {
      const sender = entry.message.sender || {};
      const header = div('sender');
      if (sender.avatar) { const avatar = mediaImage(sender.avatar, ''); avatar.className = 'avatar'; header.appendChild(avatar); }
      header.appendChild(document.createTextNode(sender.name || (state.bot && state.bot.name) || 'Bot'));
      item.appendChild(header);
      if (entry.message.keyboard) { lastKeyboard = entry.message.keyboard; }
    }
    item.appendChild(renderMessageBody(entry.message));
    const meta = div('meta');
    const ticks = { sent: '✓', delivered: '✓✓', seen: '✓✓', failed: '⚠' }[entry.status] || '';
    meta.innerHTML = '<span class="ticks ' + escapeHtml(entry.status || '') + '" title="' + escapeHtml(entry.status || '') + '">' + ticks + '</span>';
    if (entry.error) { meta.appendChild(document.createTextNode(' ' + entry.error)); }
    item.appendChild(meta);
    list.appendChild(item);
  });
  list.scrollTop = list.scrollHeight;
  renderKeyboard(lastKeyboard);
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
  $('chat-title').textContent = user ? 'Chat of ' + user.name + ' with ' + ((state.bot && state.bot.name) || 'the bot') : 'Pick or create a user';
  $('chat-actions').hidden = !user;
  $('composer').hidden = !user;
}

function renderBot() {
  const bot = state.bot || {};
  $('bot-info').textContent = (bot.name || 'Bot') + (bot.webhook ? ' · webhook ' + bot.webhook : ' · no webhook set');
}

async function refreshState() {
  const data = await api('state');
  state.bot = data.bot;
  state.users = data.users;
  renderBot();
  renderUsers();
}

async function refreshConversation() {
  if (!state.selected) { state.conversation = []; renderConversation(); return; }
  state.conversation = await api('users/' + encodeURIComponent(state.selected) + '/conversation');
  renderConversation();
}

async function selectUser(id) {
  state.selected = id;
  renderUsers();
  await refreshConversation();
}

function userPath(action) { return 'users/' + encodeURIComponent(state.selected) + '/' + action; }

// ---------- Actions ----------
function tap(button) {
  run(async () => {
    if (!state.selected) { throw new Error('Pick a user first.'); }
    await api(userPath('tap'), { method: 'POST', body: { actionType: button.ActionType || 'reply', actionBody: button.ActionBody || '', silent: !!button.Silent } });
  });
}

function composeMessage(type, value) {
  switch (type) {
    case 'text': return { type, text: value };
    case 'picture': return { type, media: value || 'https://example.com/picture.jpg', text: '' };
    case 'video': return { type, media: value || 'https://example.com/video.mp4', size: 1000000, duration: 10000 };
    case 'sticker': return { type, sticker_id: parseInt(value, 10) || 40129 };
    case 'contact': { const [name, phone] = (value || 'John Doe,+380000000000').split(','); return { type, contact: { name: name.trim(), phone_number: (phone || '').trim() } }; }
    case 'url': return { type, media: value || 'https://www.viber.com' };
    case 'location': { const [lat, lon] = (value || '50.45,30.52').split(',').map(Number); return { type, location: { lat, lon } }; }
    default: throw new Error('Unknown type ' + type);
  }
}

function addEvent(event) {
  const list = $('events');
  const item = document.createElement('li');
  item.className = 'event ' + event.kind + (event.ok === false ? ' failed' : '');
  const title = document.createElement('div');
  title.innerHTML = '<span class="kind">' + escapeHtml(event.kind) + '</span> ' + escapeHtml(event.summary || '');
  item.appendChild(title);
  if (event.detail) {
    const pre = document.createElement('pre');
    pre.textContent = typeof event.detail === 'string' ? event.detail : JSON.stringify(event.detail, null, 2);
    item.appendChild(pre);
  }
  list.prepend(item);
  while (list.children.length > 200) { list.removeChild(list.lastChild); }
}

function listen() {
  const source = new EventSource('api/events');
  source.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.kind === 'callback' || event.kind === 'api') { addEvent(event); }
    if (event.refreshUsers) { run(refreshState); }
    if (!event.userId || event.userId === state.selected) { run(refreshConversation); }
  };
  source.onerror = () => showError('Live updates disconnected; retrying…');
  source.onopen = () => showError(null);
}

$('new-user-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  run(async () => {
    const user = await api('users', { method: 'POST', body: {
      name: form.get('name'), country: form.get('country'), language: form.get('language'),
      apiVersion: parseInt(form.get('apiVersion'), 10), devices: parseInt(form.get('devices'), 10),
    } });
    await refreshState();
    await selectUser(user.id);
  });
});
$('open-conversation').addEventListener('click', () => run(() => api(userPath('open'), { method: 'POST', body: { context: $('context-input').value || null } })));
$('subscribe').addEventListener('click', () => run(() => api(userPath('subscribe'), { method: 'POST' })));
$('unsubscribe').addEventListener('click', () => run(() => api(userPath('unsubscribe'), { method: 'POST' })));
$('mark-seen').addEventListener('click', () => run(() => api(userPath('seen'), { method: 'POST' })));
$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $('message-input');
  const type = $('message-type').value;
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
