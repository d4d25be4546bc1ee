// Defines one library's rating element, renders 200 of them and reports the times.
const params = new URLSearchParams(location.search);
const moduleUrl = params.get('module');
const tag = params.get('tag');
const COUNT = 200;

/** Resolves after the next frame has been painted: rAF runs before paint, a task after it. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

window.result = (async () => {
  const start = performance.now();
  await import(moduleUrl);
  await customElements.whenDefined(tag);
  const defined = performance.now();
  const elements = Array.from({ length: COUNT }, () => {
    const element = document.createElement(tag);
    // Ours without a backend (a form control), theirs with a value: stars only, no network.
    if (tag === 'star-rating') element.setAttribute('backend', 'none');
    else element.value = 3;
    return element;
  });
  document.body.append(...elements);
  await Promise.all(elements.map((element) => element.updateComplete));
  // Shoelace draws each star with an <sl-icon> that loads its SVG afterwards: wait for those too,
  // so both sides are timed until the stars are really there.
  const iconsPending = () =>
    elements.some((element) =>
      [...element.shadowRoot.querySelectorAll('sl-icon')].some(
        (icon) => !icon.shadowRoot?.querySelector('svg'),
      ),
    );
  while (iconsPending()) await new Promise((resolve) => setTimeout(resolve, 0));
  void document.body.offsetHeight; // includes style and layout
  const rendered = performance.now();
  // As seen from outside: from the start of navigation until the frame with every star is drawn.
  await painted();
  const drawn = performance.now();
  return {
    start,
    define: defined - start,
    render: rendered - defined,
    drawn,
    paint: drawn - rendered,
  };
})();
