// The theming page: every --pw-* custom property the elements document, edited live on a
// container of all six elements, with the resulting CSS to copy.
import { appendDescription, copyButton, manifestElements } from './tools.js';
import { chosenLanguage, describe, PAGE_TEXT, rememberLanguage, translatePage } from './i18n.js';

let lang = chosenLanguage();
const tokens = new Map();
for (const declaration of await manifestElements()) {
  for (const property of declaration.cssProperties ?? []) {
    if (!tokens.has(property.name)) {
      tokens.set(property.name, { ...property, tag: declaration.tagName, tags: [] });
    }
    tokens.get(property.name).tags.push(declaration.tagName);
  }
}

const form = document.getElementById('tokens');
const themed = document.getElementById('themed');
const output = document.getElementById('css');

const sorted = [...tokens.values()].sort((a, b) => a.name.localeCompare(b.name));

/** One label, text field and (for a colour) picker per token, described in the chosen language. */
function build() {
  const values = new Map([...form.elements].map((input) => [input.name, input.value]));
  form.replaceChildren();
  for (const [index, token] of sorted.entries()) {
    const label = document.createElement('label');
    label.htmlFor = `token-${index}`;
    label.textContent = token.name;
    const hint = document.createElement('span');
    hint.className = 'hint';
    const description = describe(lang, token.tag, 'css', token) ?? token.description ?? '';
    appendDescription(hint, `${description} (${token.tags.join(', ')})`);
    label.append(hint);
    const input = document.createElement('input');
    input.id = `token-${index}`;
    input.name = token.name;
    input.value = values.get(token.name) ?? '';
    // The default as the manifest states it: "(default #0b5394)", "(default 1.5em, …)".
    input.placeholder = /\(default ([^,):]+)/.exec(token.description ?? '')?.[1]?.trim() ?? '';
    form.append(label, input);
    const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(input.placeholder)?.[1];
    if (hex) {
      // A picker beside the text field, starting at the default; the text field takes any CSS value.
      const picker = document.createElement('input');
      picker.type = 'color';
      picker.setAttribute('aria-label', `${token.name}: ${PAGE_TEXT[lang]['pick-colour']}`);
      picker.value = `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex}`;
      // Runs before the form's own listener, which then applies the value.
      picker.addEventListener('input', () => (input.value = picker.value));
      form.append(picker);
    }
  }
}

function apply() {
  const lines = [];
  for (const input of form.querySelectorAll('input:not([type="color"])')) {
    if (input.value.trim()) {
      themed.style.setProperty(input.name, input.value.trim());
      lines.push(`  ${input.name}: ${input.value.trim()};`);
    } else {
      themed.style.removeProperty(input.name);
    }
  }
  output.value = lines.length
    ? `/* Portal Widgets theme */\n:root {\n${lines.join('\n')}\n}\n`
    : PAGE_TEXT[lang]['css-empty'];
}

form.addEventListener('input', apply);
form.addEventListener('submit', (event) => event.preventDefault());
document.getElementById('reset').addEventListener('click', () => {
  form.reset();
  apply();
});
copyButton(document.getElementById('copy'), output, document.getElementById('copied'));
const languageSelect = document.getElementById('lang');
languageSelect.addEventListener('change', () => {
  lang = languageSelect.value;
  rememberLanguage(lang);
  translatePage(lang, appendDescription);
  build();
  apply();
});
languageSelect.value = lang;
translatePage(lang, appendDescription);
build();
apply();
