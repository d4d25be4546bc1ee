/**
 * Known ways HTML has been made to run script, each reporting through `xssHit(n)` if it ever
 * runs. Gathered from the classic filter-evasion lists, DOMPurify's and the HTML sanitizer
 * specification's test cases: script tags, event handlers, dangerous URLs, SVG and MathML,
 * srcdoc, and mutation-XSS strings that change meaning when parsed twice.
 */
const hit = (n: number) => `xssHit('${n}')`;

export const XSS_PAYLOADS: string[] = [
  `<script>${hit(1)}</script>`,
  `<SCRIPT SRC="data:text/javascript,${hit(2)}"></SCRIPT>`,
  `<img src=x onerror="${hit(3)}">`,
  `<img src="x" ONERROR=${hit(4)}>`,
  `<svg onload="${hit(5)}"></svg>`,
  `<svg><script>${hit(6)}</script></svg>`,
  `<svg><a href="javascript:${hit(7)}"><text x="20" y="20">svg-link</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${hit(8)}">`,
  `<a href="javascript:${hit(9)}">link-9</a>`,
  `<a href=" JaVaScRiPt:${hit(10)}">link-10</a>`,
  `<a href="&#106;avascript:${hit(11)}">link-11</a>`,
  `<a href="data:text/html,<script>${hit(12)}</script>">link-12</a>`,
  `<iframe src="javascript:${hit(13)}"></iframe>`,
  `<iframe srcdoc="<script>parent.${hit(14)}</script>"></iframe>`,
  `<object data="javascript:${hit(15)}"></object>`,
  `<embed src="javascript:${hit(16)}">`,
  `<body onload="${hit(17)}">`,
  `<details open ontoggle="${hit(18)}"><summary>s</summary></details>`,
  `<video><source onerror="${hit(19)}"></video>`,
  `<audio src=x onerror="${hit(20)}"></audio>`,
  `<input autofocus onfocus="${hit(21)}">`,
  `<form action="javascript:${hit(22)}"><button>go</button></form>`,
  `<button formaction="javascript:${hit(23)}">b</button>`,
  `<div style="background:url(javascript:${hit(24)})">styled</div>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${hit(25)}">`,
  `<base href="javascript:${hit(26)}//">`,
  `<noscript><p title="</noscript><img src=x onerror=${hit(27)}>">`,
  `<svg></p><style><a id="</style><img src=1 onerror=${hit(28)}>">`,
  `<img src="x" alt="\`\`onerror=${hit(29)}">`,
  `<marquee onstart="${hit(30)}">m</marquee>`,
  `<table background="javascript:${hit(31)}"><tr><td>t</td></tr></table>`,
  `<svg><animate onbegin="${hit(32)}" attributeName="x" dur="1s"></animate></svg>`,
  `<img srcset="x" onerror="${hit(33)}">`,
  `<template><img src=x onerror="${hit(34)}"></template>`,
  `<a href="vbscript:${hit(35)}">link-35</a>`,
  `<isindex action="javascript:${hit(36)}" type="image">`,
  `<link rel="import" href="data:text/html,<script>${hit(37)}</script>">`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${hit(38)}'/></svg>#x"></use></svg>`,
];

/** What in a sanitised body could still run script or load a page: it must be nothing. */
export function dangerousNodes(root: ParentNode): string[] {
  return [...root.querySelectorAll('*')]
    .filter(
      (node) =>
        ['script', 'object', 'embed', 'frame', 'base', 'meta', 'form'].includes(node.localName) ||
        (node.localName === 'iframe' &&
          !/^https:\/\/www\.youtube(-nocookie)?\.com\/embed\//.test(
            node.getAttribute('src') ?? '',
          )) ||
        [...node.attributes].some(
          (attribute) =>
            attribute.name.startsWith('on') ||
            attribute.name === 'srcdoc' ||
            attribute.name === 'style' ||
            /^\s*(javascript|vbscript|data:)/i.test(attribute.value.replace(/[\t\n\r]/g, '')),
        ),
    )
    .map((node) => node.outerHTML.slice(0, 80));
}

/**
 * Addresses a hostile or broken backend may send for a link, an image or a video, each reporting
 * through `xssHit(n)` if it ever runs: schemes in any case, with spaces, split by a tab or a
 * newline (the URL parser joins them), entity-encoded (decoded when it reaches HTML), data: and
 * vbscript:.
 */
export const HOSTILE_URLS: string[] = [
  `javascript:${hit(101)}`,
  ` JAVASCRIPT:${hit(102)}`,
  `java\tscript:${hit(103)}`,
  `java\nscript:${hit(104)}`,
  `\u0001javascript:${hit(105)}`,
  `&#106;avascript:${hit(106)}`,
  `jav&#x09;ascript:${hit(107)}`,
  `data:text/html,<script>${hit(108)}</script>`,
  `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${hit(109)}"/>`,
  `vbscript:${hit(110)}`,
];

/** Whether a URL attribute's value, as the browser reads it, is http(s), relative or in-page. */
export function isNeutralAddress(value: string | null): boolean {
  if (value === null) return true;
  const url = new URL(value, location.href);
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/**
 * A click listener for tests that click every link: a link to an http(s) page is not followed
 * (it would leave the test page); anything else is, so a script address would run.
 */
export function stayOnPage(event: Event): void {
  const link = event
    .composedPath()
    .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  if (link && isNeutralAddress(link.getAttribute('href'))) event.preventDefault();
}
