/**
 * The client IP map's webview page: no remote content, one script and one style (both with a
 * nonce); the SVG's own stylesheet is moved into the nonce'd style element, and the theme's
 * colours win over its light and dark defaults. The drawing fits the panel's width by default
 * (the SVG scales by its viewBox); the toolbar and the keys + − 0 1 zoom in, out, to fit and to
 * the drawing's own size, kept with the webview's state. The CLI's SVG keeps its fixed size.
 */
export function mapPage(): string {
  // Web Crypto: in the Node extension host and in a browser's alike.
  const nonce = btoa(String.fromCharCode(...globalThis.crypto.getRandomValues(new Uint8Array(16))));
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:;`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
body { padding: 8px 12px; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); }
#status { font-family: var(--vscode-font-family); color: var(--vscode-descriptionForeground); margin: 4px 0 8px; }
#bar { display: flex; gap: 4px; align-items: center; margin: 0 0 6px; font-family: var(--vscode-font-family); }
#bar button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 1px 8px; min-width: 28px; cursor: pointer; }
#bar button:hover { background: var(--vscode-button-secondaryHoverBackground); }
#bar button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
#zoom { color: var(--vscode-descriptionForeground); min-width: 48px; text-align: right; }
#map { overflow: auto; }
#map svg { display: block; height: auto; }
body .elb-map {
  --fg: var(--vscode-editor-foreground);
  --bg: var(--vscode-editor-background);
  --mut: var(--vscode-descriptionForeground);
  --line: var(--vscode-editorLineNumber-foreground);
  --node: var(--vscode-editorWidget-background);
  --frame: var(--vscode-widget-border, var(--vscode-editorGroup-border));
  --ok: var(--vscode-testing-iconPassed, var(--vscode-charts-green));
  --alt: var(--vscode-charts-purple);
  --lb: var(--vscode-charts-yellow);
  --unk: var(--vscode-disabledForeground);
  --error: var(--vscode-editorError-foreground);
  --warning: var(--vscode-editorWarning-foreground);
  --information: var(--vscode-editorInfo-foreground);
  --hint: var(--vscode-descriptionForeground);
  --sel: var(--vscode-focusBorder);
}
</style>
<style id="map-style" nonce="${nonce}"></style>
</head>
<body>
<div id="bar" role="toolbar" aria-label="Zoom">
<button id="zoom-out" title="Zoom out (-)" aria-label="Zoom out">−</button>
<button id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
<button id="zoom-fit" title="Fit to the panel's width (0)">Fit</button>
<button id="zoom-actual" title="Actual size (1)">100%</button>
<span id="zoom" aria-live="polite"></span>
</div>
<div id="status">Drawing the client IP map…</div>
<div id="map" role="figure" aria-label="Client IP map"></div>
<script nonce="${nonce}">
(function () {
  const vscode = acquireVsCodeApi();
  const container = document.getElementById('map');
  const status = document.getElementById('status');
  const mapStyle = document.getElementById('map-style');
  const zoomLabel = document.getElementById('zoom');
  // 'fit': as wide as the panel (never wider than the drawing's own size); otherwise a scale of it.
  let zoom = (vscode.getState() && vscode.getState().zoom) || 'fit';
  const STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.25, 1.5, 2, 3];
  function naturalWidth(svg) {
    return Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width || 800;
  }
  function currentScale(svg) {
    return svg.getBoundingClientRect().width / naturalWidth(svg);
  }
  function applyZoom() {
    const svg = container.querySelector('svg');
    vscode.setState({ zoom });
    if (!svg) return;
    const natural = naturalWidth(svg);
    if (zoom === 'fit') {
      svg.style.width = '100%';
      svg.style.maxWidth = natural + 'px';
    } else {
      svg.style.width = Math.round(natural * zoom) + 'px';
      svg.style.maxWidth = 'none';
    }
    zoomLabel.textContent = (zoom === 'fit' ? 'Fit · ' : '') + Math.round(currentScale(svg) * 100) + '%';
  }
  function step(direction) {
    const svg = container.querySelector('svg');
    const scale = svg ? currentScale(svg) : 1;
    const next = direction > 0 ? STEPS.find((s) => s > scale + 0.001) : [...STEPS].reverse().find((s) => s < scale - 0.001);
    zoom = next || (direction > 0 ? STEPS[STEPS.length - 1] : STEPS[0]);
    applyZoom();
  }
  document.getElementById('zoom-in').addEventListener('click', () => step(1));
  document.getElementById('zoom-out').addEventListener('click', () => step(-1));
  document.getElementById('zoom-fit').addEventListener('click', () => { zoom = 'fit'; applyZoom(); });
  document.getElementById('zoom-actual').addEventListener('click', () => { zoom = 1; applyZoom(); });
  window.addEventListener('resize', () => applyZoom());
  window.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '+' || event.key === '=') step(1);
    else if (event.key === '-' || event.key === '_') step(-1);
    else if (event.key === '0') { zoom = 'fit'; applyZoom(); }
    else if (event.key === '1') { zoom = 1; applyZoom(); }
    else return;
    event.preventDefault();
  });
  function select(id) {
    for (const el of container.querySelectorAll('.n.sel')) el.classList.remove('sel');
    const el = id ? container.querySelector('[data-node="' + CSS.escape(id) + '"]') : null;
    if (el) {
      el.classList.add('sel');
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'map') return;
    if (!message.svg) {
      container.replaceChildren();
      status.textContent = message.empty || 'Nothing to draw.';
      return;
    }
    const parsed = new DOMParser().parseFromString(message.svg, 'image/svg+xml');
    const svg = parsed.documentElement;
    if (svg.nodeName !== 'svg') {
      status.textContent = 'The map could not be drawn.';
      return;
    }
    const style = svg.querySelector('style');
    if (style) {
      mapStyle.textContent = style.textContent;
      style.remove();
    }
    for (const node of svg.querySelectorAll('[data-node]')) {
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'button');
    }
    const listeners = svg.querySelectorAll('.n.li').length;
    status.textContent =
      listeners + ' listener' + (listeners === 1 ? '' : 's') + '. Click a node to go to its resource; + − 0 1 zoom.';
    container.replaceChildren(document.importNode(svg, true));
    applyZoom();
    select(message.selected);
  });
  function reveal(target) {
    const node = target && target.closest ? target.closest('[data-node]') : null;
    if (!node) return;
    select(node.getAttribute('data-node'));
    vscode.postMessage({ type: 'reveal', id: node.getAttribute('data-node') });
  }
  container.addEventListener('click', (event) => reveal(event.target));
  container.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      reveal(event.target);
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
</script>
</body>
</html>`;
}
