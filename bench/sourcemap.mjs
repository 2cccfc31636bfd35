// Minimal source-map reader (v3, no sections): enough to say which source module the bytes of a
// minified bundle, and the profiler's samples in it, come from. Used only to explain consent-gate's
// figures in BENCHMARK.md.

const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** @returns {{ sources: string[], lines: { col: number, src: number }[][] }} segments per generated line */
export function parseSourceMap(json) {
  const map = typeof json === 'string' ? JSON.parse(json) : json;
  const lines = [];
  let src = 0;
  for (const line of map.mappings.split(';')) {
    const segs = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const vals = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const d = B64[ch];
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += vals[0];
      // Fields 3-5 (source line, column, name) are deltas too, but only the source is needed here.
      if (vals.length >= 4) {
        src += vals[1];
        segs.push({ col, src });
      } else segs.push({ col, src: -1 });
    }
    lines.push(segs);
  }
  return { sources: map.sources, lines };
}

/** Source index at a generated (0-based) line and column, or -1. */
export function sourceAt(parsed, line, col) {
  const segs = parsed.lines[line];
  if (!segs || !segs.length) return -1;
  let lo = 0;
  let hi = segs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].col <= col) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? -1 : segs[found].src;
}

/** Generated text attributed to each source (unmapped text under '(unmapped)'). */
export function textBySource(parsed, code) {
  const out = {};
  const add = (src, text) => (out[src < 0 ? '(unmapped)' : parsed.sources[src]] ??= []).push(text);
  code.split('\n').forEach((text, i) => {
    const segs = parsed.lines[i] || [];
    let prev = 0;
    let prevSrc = -1;
    for (const s of segs) {
      add(prevSrc, text.slice(prev, s.col));
      prev = s.col;
      prevSrc = s.src;
    }
    add(prevSrc, text.slice(prev) + '\n');
  });
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join('')]));
}

/** A short group name for a source path: preact, js-cookie, src/ui, src/core, src/integrations, ... */
export function groupOf(source) {
  const s = source.replace(/^(\.\.\/)+/, '');
  const nm = s.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (nm) return nm[1];
  if (s.startsWith('src/ui/styles')) return 'src/ui/styles (CSS)';
  const m = s.match(/^src\/([^/]+)\//);
  return m ? `src/${m[1]}` : s;
}
