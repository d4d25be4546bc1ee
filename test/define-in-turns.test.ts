import { expect } from '@open-wc/testing';
import { defineElement, defineInTurns } from '../src/core/define.js';

// Its own file: defineInTurns() changes how every later definition on the page is made.
describe('defineInTurns (the autoloader’s way of defining)', () => {
  it('defines each element in a task of its own, after the one that asked, in order', async () => {
    defineInTurns();
    const upgraded: string[] = [];
    const make = (name: string) =>
      class extends HTMLElement {
        connectedCallback() {
          upgraded.push(name);
        }
      };
    document.body.insertAdjacentHTML('beforeend', '<pw-turn-a></pw-turn-a><pw-turn-b></pw-turn-b>');
    expect(defineElement('pw-turn-a', make('a'))).to.equal(false);
    expect(defineElement('pw-turn-b', make('b'))).to.equal(false);
    // Not in the task that evaluated the modules, microtasks included.
    await Promise.resolve();
    await Promise.resolve();
    expect(customElements.get('pw-turn-a')).to.equal(undefined);
    // Each in a later task: when a is defined, b is not yet.
    await customElements.whenDefined('pw-turn-a');
    expect(customElements.get('pw-turn-b'), 'b in a task after a’s').to.equal(undefined);
    await customElements.whenDefined('pw-turn-b');
    expect(upgraded).to.deep.equal(['a', 'b']);
    document.querySelectorAll('pw-turn-a, pw-turn-b').forEach((element) => element.remove());
  });
});
