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
