// The playground: every attribute, CSS custom property, part and event of each element, read from
// custom-elements.json (generated from the source), editable live, with the markup to copy.
import { appendDescription, copyButton, manifestElements } from './tools.js';
import { chosenLanguage, describe, PAGE_TEXT, rememberLanguage, translatePage } from './i18n.js';

const elements = await manifestElements();

/** Values that make the preview show something on the demo server. */
const STARTING_VALUES = { 'article-id': '1' };
/** …and for one element only: read-aloud reads the sample text shown under it. */
const STARTING_BY_TAG = { 'read-aloud': { target: '#playground-text' } };
const SAMPLE_TEXT =
  'UBND xã Hòa Bình vừa mở lớp hướng dẫn người cao tuổi dùng dịch vụ công trực tuyến. Lớp học diễn ra vào sáng thứ Bảy tại nhà văn hóa thôn Đồng Tâm.';

const $ = (id) => document.getElementById(id);
let lang = chosenLanguage();
const words = () => PAGE_TEXT[lang];
const tagSelect = $('tag');
const preview = $('preview');
const controls = $('controls');
const partStyle = document.createElement('style');
document.head.append(partStyle);
let current;

for (const element of elements) {
  tagSelect.append(new Option(`<${element.tagName}>`, element.tagName));
}
const requested = new URLSearchParams(location.search).get('tag');
if (elements.some(({ tagName }) => tagName === requested)) tagSelect.value = requested;

/** A control for one attribute, from the type the manifest gives. */
function attributeControl(attribute, tag) {
  const type = attribute.type?.text ?? 'string';
  const literals = type.match(/'[^']*'/g);
  let control;
  if (type === 'boolean') {
    control = document.createElement('input');
    control.type = 'checkbox';
  } else if (literals && /^('[^']*'\s*\|?\s*)+$/.test(type)) {
    control = document.createElement('select');
    control.append(new Option(words().default, ''));
    for (const literal of literals) control.append(new Option(literal.slice(1, -1)));
  } else {
    control = document.createElement('input');
    control.type = type === 'number' ? 'number' : 'text';
    if (attribute.default && !/^[A-Z_]+$/.test(attribute.default)) {
      control.placeholder = attribute.default.replace(/^'|'$/g, '');
    }
  }
  control.name = attribute.name;
  const start = STARTING_BY_TAG[tag]?.[attribute.name] ?? STARTING_VALUES[attribute.name];
  if (start !== undefined) control.value = start;
  return control;
}

function field(legend, items, build) {
  const fieldset = document.createElement('fieldset');
  const title = document.createElement('legend');
  title.textContent = legend;
  fieldset.append(title);
  if (!items.length) fieldset.append('—');
  for (const item of items) build(fieldset, item);
  controls.append(fieldset);
}

function labelled(fieldset, text, description, control) {
  const id = `control-${fieldset.childElementCount}-${text.replace(/[^a-z0-9-]/gi, '')}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = text;
  if (description) {
    const hint = document.createElement('span');
    hint.className = 'hint';
    appendDescription(hint, description);
    label.append(hint);
  }
  control.id = id;
  fieldset.append(label, control);
}

function markup() {
  const attributes = [...current.attributes]
    .filter(({ name }) => name === 'lang' || controls.elements[name])
    .map(({ name, value }) => (value === '' ? ` ${name}` : ` ${name}="${value}"`))
    .join('');
  const style = current.getAttribute('style');
  const css = style ? `\n<style>\n  ${current.localName} { ${style} }\n</style>` : '';
  return `<${current.localName}${attributes}></${current.localName}>${css}`;
}

function update() {
  for (const control of controls.elements) {
    if (!control.name) continue;
    if (control.name.startsWith('--')) {
      if (control.value) current.style.setProperty(control.name, control.value);
      else current.style.removeProperty(control.name);
    } else if (control.type === 'checkbox' && control.dataset.part === undefined) {
      current.toggleAttribute(control.name, control.checked);
    } else if (control.dataset.part === undefined) {
      if (control.value) current.setAttribute(control.name, control.value);
      else current.removeAttribute(control.name);
    }
  }
  const parts = [...controls.querySelectorAll('[data-part]:checked')].map(
    (box) => `${current.localName}::part(${box.dataset.part})`,
  );
  partStyle.textContent = parts.length
    ? `${parts.join(',')} { outline: 3px dashed #c026d3; outline-offset: 2px; }`
    : '';
  $('markup').value = markup();
}

function logEvent(event) {
  const item = document.createElement('li');
  const detail =
    event.detail === undefined || event.detail === null ? '' : JSON.stringify(event.detail);
  item.textContent = `${new Date().toLocaleTimeString('vi-VN')} ${event.type} ${detail.length > 160 ? `${detail.slice(0, 160)}…` : detail}`;
  $('events').prepend(item);
}

/** What each control holds, in form order. */
const controlValues = () =>
  [...controls.elements].map(({ value, checked }) => ({ value, checked }));

/** The element's description of `item` in the chosen language (English where none is written yet). */
const described = (element, kind, item) =>
  describe(lang, element.tagName, kind, item) ??
  (kind === 'summary' ? item.summary : item.description) ??
  '';

function show(tag) {
  const element = elements.find(({ tagName }) => tagName === tag);
  // Switching language rebuilds the same element: what the designer set is kept.
  const kept = current?.localName === tag ? controlValues() : [];
  controls.replaceChildren();
  $('events').replaceChildren();
  $('summary').replaceChildren();
  appendDescription($('summary'), described(element, 'summary', element));
  current = document.createElement(tag);
  current.lang = lang;
  preview.replaceChildren(current);
  if (STARTING_BY_TAG[tag]?.target) {
    const sample = document.createElement('p');
    sample.id = 'playground-text';
    sample.lang = 'vi';
    sample.textContent = SAMPLE_TEXT;
    preview.append(sample);
  }
  for (const { name } of element.events ?? []) current.addEventListener(name, logEvent);

  field(words().attributes, element.attributes ?? [], (fieldset, attribute) =>
    labelled(
      fieldset,
      attribute.name,
      described(element, 'attribute', attribute),
      attributeControl(attribute, tag),
    ),
  );
  field(words()['css-properties'], element.cssProperties ?? [], (fieldset, property) => {
    const input = document.createElement('input');
    input.name = property.name;
    input.placeholder = property.default ?? '';
    labelled(fieldset, property.name, described(element, 'css', property), input);
  });
  field(words().parts, element.cssParts ?? [], (fieldset, part) => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.dataset.part = part.name;
    labelled(fieldset, part.name, described(element, 'part', part), box);
  });
  field(words().events, element.events ?? [], (fieldset, event) => {
    const line = document.createElement('p');
    line.append(`${event.name}: `);
    appendDescription(line, described(element, 'event', event));
    fieldset.append(line);
  });
  for (const [index, { value, checked }] of kept.entries()) {
    const control = controls.elements[index];
    if (control) Object.assign(control, { value, checked });
  }
  update();
  const params = new URLSearchParams(location.search);
  params.set('tag', tag);
  history.replaceState(null, '', `?${params}`);
}

controls.addEventListener('input', update);
controls.addEventListener('change', update);
controls.addEventListener('submit', (event) => event.preventDefault());
tagSelect.addEventListener('change', () => show(tagSelect.value));
$('lang').addEventListener('change', () => {
  lang = $('lang').value;
  rememberLanguage(lang);
  translatePage(lang, appendDescription);
  show(tagSelect.value);
});
copyButton($('copy'), $('markup'), $('copied'));
$('lang').value = lang;
translatePage(lang, appendDescription);
show(tagSelect.value);
